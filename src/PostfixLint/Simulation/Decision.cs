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

    /// <summary>smtpd refuses to run with this configuration (or the probe itself is invalid): no client gets a session.</summary>
    Error,

    /// <summary>The answer depends on something outside the configuration (DNS, a policy service, an SQL table, local users).</summary>
    Unknown,

    /// <summary>
    /// The client cannot connect to the listener (<c>inet_interfaces</c>, a <c>host:port</c> service, <c>inet_protocols</c>):
    /// there is no reply at all; <see cref="SimulationResult.Reachability"/> says why.
    /// </summary>
    Unreachable,
}
