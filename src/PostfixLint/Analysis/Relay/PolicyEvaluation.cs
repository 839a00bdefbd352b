using System.Collections.Immutable;

namespace PostfixLint.Analysis.Relay;

/// <summary>The outcome of checking a policy against the configuration.</summary>
/// <param name="Violations">Every violated intent, in policy order.</param>
/// <param name="ProbeCount">How many probes were simulated.</param>
public sealed record PolicyEvaluation(ImmutableArray<PolicyViolation> Violations, int ProbeCount);
