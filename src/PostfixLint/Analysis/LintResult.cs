using System.Collections.Immutable;
using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis;

/// <summary>The findings of one lint run, sorted by file, position and rule id.</summary>
/// <param name="Findings">Every finding that was not suppressed; severities are <c>Error</c>, <c>Warning</c> or <c>Info</c>.</param>
public sealed record LintResult(ImmutableArray<Diagnostic> Findings)
{
    /// <summary>How many findings have <paramref name="severity"/>.</summary>
    public int Count(DiagnosticSeverity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>True when some finding is at least as severe as <paramref name="threshold"/> (info &lt; warning &lt; error).</summary>
    public bool HasFindingsAtOrAbove(DiagnosticSeverity threshold) => Findings.Any(f => Rank(f.Severity) >= Rank(threshold));

    /// <summary>Orders severities: info 0, warning 1, error 2 (a fatal read error counts as an error).</summary>
    public static int Rank(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Info => 0,
        DiagnosticSeverity.Warning => 1,
        _ => 2,
    };
}
