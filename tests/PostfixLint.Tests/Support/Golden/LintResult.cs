namespace PostfixLint.Tests.Support.Golden;

/// <summary>What a linter made of one fixture: its findings and, when it fixed something, the new main.cf.</summary>
/// <param name="Findings">Every finding, of any rule; the runner keeps those of the case's rule.</param>
/// <param name="FixedMainCf">main.cf after applying the fixes, or null when nothing was fixed.</param>
internal sealed record LintResult(IReadOnlyList<GoldenFinding> Findings, string? FixedMainCf = null);
