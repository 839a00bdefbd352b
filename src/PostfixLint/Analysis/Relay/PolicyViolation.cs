using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Relay;

/// <summary>An intent of the policy that the configuration does not keep, with the simulated session that shows it.</summary>
/// <param name="Kind">The kind of intent.</param>
/// <param name="Position">Where the intent is in the policy file.</param>
/// <param name="Message">What is violated, e.g. <c>192.168.1.100 may not relay on smtp: 554 5.7.1 …: Relay access denied (…)</c>.</param>
/// <param name="Probe">The probe that shows it.</param>
/// <param name="Result">The simulator's answer, trace included.</param>
/// <param name="Deciding">The restriction that decided, from the trace; null when none did (or the client never got to RCPT).</param>
public sealed record PolicyViolation(PolicyIntentKind Kind, PolicyPosition Position, string Message, Probe Probe, SimulationResult Result, TraceEntry? Deciding)
{
    /// <summary>The client class of the probe, for client intents.</summary>
    public ClientClass? ClientClass { get; init; }

    /// <summary>True when the client cannot reach the listener at all (inet_interfaces, inet_protocols, a <c>host:port</c> service): there is no reply.</summary>
    public bool Unreachable => Result.Decision == Decision.Unreachable;

    /// <summary>True when the answer depends on DNS or another run-time source, so the intent is not known to hold.</summary>
    public bool DependsOnDns => Result.Decision == Decision.Unknown;
}
