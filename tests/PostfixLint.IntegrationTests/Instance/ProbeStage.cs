namespace PostfixLint.IntegrationTests.Instance;

/// <summary>The SMTP step at which the decision was made.</summary>
public enum ProbeStage
{
    /// <summary>The connection, greeting or XCLIENT step.</summary>
    Connect,

    /// <summary>The EHLO step.</summary>
    Helo,

    /// <summary>The MAIL FROM step.</summary>
    Mail,

    /// <summary>The RCPT TO step (also when the recipient is accepted).</summary>
    Rcpt,
}
