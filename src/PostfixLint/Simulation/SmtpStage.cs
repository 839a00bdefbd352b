namespace PostfixLint.Simulation;

/// <summary>The SMTP stage at which the decision was made.</summary>
public enum SmtpStage
{
    /// <summary>Connection set-up (listener, smtpd start-up, client restrictions with smtpd_delay_reject = no).</summary>
    Connect,

    /// <summary>The HELO/EHLO command.</summary>
    Helo,

    /// <summary>The MAIL FROM command.</summary>
    Mail,

    /// <summary>The RCPT TO command.</summary>
    Rcpt,
}
