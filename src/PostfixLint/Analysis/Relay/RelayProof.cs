using System.Collections.Immutable;

namespace PostfixLint.Analysis.Relay;

/// <summary>The outcome of the open-relay proof: counterexamples, answers that depend on DNS, and how many probes it took.</summary>
/// <param name="Listeners">The listeners proven.</param>
/// <param name="Counterexamples">Every open-relay counterexample; empty means no untrusted class relays with any collected input.</param>
/// <param name="DependsOnDns">Untrusted classes whose answer depends on DNS or another run-time source.</param>
/// <param name="ListenerErrors">Listeners (or classes) the simulator could not run a session on, with its message.</param>
/// <param name="ProbeCount">How many probes were simulated.</param>
public sealed record RelayProof(
    ImmutableArray<SmtpdListener> Listeners,
    ImmutableArray<OpenRelayCounterexample> Counterexamples,
    ImmutableArray<DnsDependentRelay> DependsOnDns,
    ImmutableArray<ListenerError> ListenerErrors,
    int ProbeCount)
{
    /// <summary>True when no counterexample was found.</summary>
    public bool IsClosed => Counterexamples.IsEmpty;
}
