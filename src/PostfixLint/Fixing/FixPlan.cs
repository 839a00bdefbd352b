using System.Collections.Immutable;
using PostfixLint.Diagnostics;

namespace PostfixLint.Fixing;

/// <summary>
/// What <c>postfix-lint fix</c> would do, as data: the new text of every file it changes and the actions to run after
/// writing them, so a library user can apply it their own way.
/// </summary>
/// <param name="ConfigDirectory">The configuration directory the plan is for (<c>postfix -c</c>).</param>
/// <param name="Files">The files whose text changes, by path.</param>
/// <param name="Applied">The fixes applied, in pass order.</param>
/// <param name="Actions">What to run after writing, in order: rebuild maps, <c>postfix check</c>, reload (or a restart message).</param>
/// <param name="Remaining">The findings left after the last pass (paths as in <paramref name="Files"/>).</param>
/// <param name="Passes">How many passes of apply, re-parse and re-check ran.</param>
/// <param name="Problems">Fixes that did not settle or added findings (a bug in a rule's fix); empty when all is well.</param>
public sealed record FixPlan(
    string ConfigDirectory,
    ImmutableArray<FileChange> Files,
    ImmutableArray<AppliedFix> Applied,
    ImmutableArray<PostApplyAction> Actions,
    ImmutableArray<Diagnostic> Remaining,
    int Passes,
    ImmutableArray<string> Problems)
{
    /// <summary>What the behaviour diff (<see cref="IBehaviourDiff"/>) says the plan changes; null when none was computed.</summary>
    public string? BehaviourDiff { get; init; }

    /// <summary>True when the plan changes a file or rebuilds a map.</summary>
    public bool HasChanges => !Files.IsEmpty || Actions.OfType<RebuildMap>().Any();

    /// <summary>The maps to rebuild, in order.</summary>
    public IEnumerable<RebuildMap> Rebuilds => Actions.OfType<RebuildMap>();
}
