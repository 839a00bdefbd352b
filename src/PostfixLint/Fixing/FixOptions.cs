using System.Collections.Immutable;
using PostfixLint.Analysis;

namespace PostfixLint.Fixing;

/// <summary>Which fixes <see cref="FixApplier"/> applies, and how findings are checked between passes.</summary>
public sealed record FixOptions
{
    /// <summary>How to check (policy, settings); the fixes come from its findings.</summary>
    public LintOptions Lint { get; init; } = new();

    /// <summary>Rule ids, id prefixes or names whose fixes to apply; empty applies every rule's.</summary>
    public ImmutableArray<string> Select { get; init; } = [];

    /// <summary>Also apply fixes whose safety is <see cref="PostfixLint.Diagnostics.FixSafety.Unsafe"/>.</summary>
    public bool UnsafeFixes { get; init; }

    /// <summary>The most passes of apply, re-parse and re-check (ESLint's <c>MAX_AUTOFIX_PASSES</c> is 10 too).</summary>
    public int MaxPasses { get; init; } = 10;

    /// <summary>Decides each fix's safety and describes what the plan changes in relaying; null uses the fixes' declared safety.</summary>
    public IBehaviourDiff? Behaviour { get; init; }
}
