namespace PostfixLint.IntegrationTests.Instance;

/// <summary>The outcome a real client sees first: the first refusal, or acceptance of the recipient.</summary>
public enum ProbeDecision
{
    /// <summary>Every step got a 2xx reply.</summary>
    Accept,

    /// <summary>The first refusal was a 4xx reply.</summary>
    Defer,

    /// <summary>The first refusal was a 5xx reply.</summary>
    Reject,

    /// <summary>No SMTP answer: smtpd cannot run with this configuration, or the listener cannot be reached.</summary>
    Error,
}
