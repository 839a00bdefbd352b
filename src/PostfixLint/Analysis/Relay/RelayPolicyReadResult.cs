using System.Collections.Immutable;

namespace PostfixLint.Analysis.Relay;

/// <summary>The outcome of reading a policy file.</summary>
/// <param name="Policy">The policy; null when the file has none (no <c>policy</c> key) or when it could not be read at all.</param>
/// <param name="Errors">Every problem found, with its line and column; entries with a problem are left out of the policy.</param>
public sealed record RelayPolicyReadResult(RelayPolicy? Policy, ImmutableArray<PolicyError> Errors)
{
    /// <summary>True when there was no problem.</summary>
    public bool Succeeded => Errors.IsEmpty;
}
