namespace PostfixLint.Simulation;

/// <summary>What the client finally gets for its recipient.</summary>
public enum Decision
{
    /// <summary>The recipient is accepted (2xx).</summary>
    Accept,

    /// <summary>The recipient or sender is refused temporarily (4xx).</summary>
    Defer,

    /// <summary>The recipient or sender is refused permanently (5xx).</summary>
    Reject,

    /// <summary>smtpd would not run, or the client cannot reach it.</summary>
    Error,

    /// <summary>The answer depends on something outside the configuration (DNS, a policy service, an SQL table, local users).</summary>
    Unknown,
}
