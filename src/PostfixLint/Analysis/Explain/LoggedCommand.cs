namespace PostfixLint.Analysis.Explain;

/// <summary>The SMTP command smtpd names in a reject line (<c>reject: RCPT from …</c>).</summary>
internal enum LoggedCommand
{
    /// <summary>The connection itself (client restrictions with <c>smtpd_delay_reject = no</c>).</summary>
    Connect,

    /// <summary>HELO or EHLO.</summary>
    Helo,

    /// <summary>MAIL FROM.</summary>
    Mail,

    /// <summary>RCPT TO.</summary>
    Rcpt,

    /// <summary>DATA or END-OF-MESSAGE (<c>smtpd_data_restrictions</c>, <c>smtpd_end_of_data_restrictions</c>).</summary>
    Data,

    /// <summary>Another command (VRFY, ETRN).</summary>
    Other,
}
