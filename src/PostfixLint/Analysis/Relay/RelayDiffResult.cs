using System.Collections.Immutable;

namespace PostfixLint.Analysis.Relay;

/// <summary>The outcome of <see cref="RelayDiff.Compare"/>: every class whose answer changes, and how much was compared.</summary>
/// <param name="Changes">Each changed class, by listener, then unauthenticated before each login, then client address order.</param>
/// <param name="ComparedCount">How many classes (listener × client class × login × recipient class) were compared.</param>
/// <param name="ProbeCount">How many probes were simulated on both sides together.</param>
public sealed record RelayDiffResult(ImmutableArray<RelayDiffChange> Changes, int ComparedCount, int ProbeCount)
{
    /// <summary>True when some class goes from refused to relaying for a remote recipient.</summary>
    public bool OpensRelay => Changes.Any(c => c.OpensRelay);

    /// <summary>True when no class's answer changes.</summary>
    public bool IsUnchanged => Changes.IsEmpty;

    /// <summary>Input dimensions cut to their bound on either side: the comparison covers the kept values only.</summary>
    public ImmutableArray<string> Truncations { get; init; } = [];

    /// <summary>Table patterns on either side for which no witness string could be derived: their keys are not covered.</summary>
    public ImmutableArray<string> UncoveredPatterns { get; init; } = [];
}
