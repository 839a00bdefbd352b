using PostfixLint.Diagnostics;
using PostfixLint.Syntax;
using PostfixLint.Tests.Support.Golden;

namespace PostfixLint.Tests.Analysis;

/// <summary>
/// The linter the rule fixtures run until the rules engine exists: today's syntax diagnostics of main.cf and
/// master.cf (postconf's warnings, with positions) rendered as findings. Swap <see cref="Lint"/> for the engine
/// and <see cref="RuleIds"/> for the rule registry; the fixtures and goldens stay.
/// </summary>
internal static class SyntaxFindingsLinter
{
    /// <summary>The ids this stand-in "registers": each must have a positive and an <c>_ok</c> fixture.</summary>
    public static IReadOnlyList<string> RuleIds { get; } = [DiagnosticIds.MissingEquals, DiagnosticIds.LeadingWhitespace];

    /// <summary>The findings of every main.cf and master.cf of the case, in file order.</summary>
    public static LintResult Lint(RuleCase ruleCase)
    {
        var findings = new List<GoldenFinding>();
        foreach (var (name, text) in ruleCase.Files)
        {
            var diagnostics = Path.GetFileName(name) switch
            {
                "main.cf" => MainCfSyntax.Parse(text, name).Diagnostics,
                "master.cf" => MasterCfSyntax.Parse(text, name).Diagnostics,
                _ => [],
            };
            findings.AddRange(diagnostics.Select(d => new GoldenFinding(d.Id, d.Message, name, d.Span?.Start ?? 0, d.Span?.Length ?? 0, FixTitle: null)));
        }

        return new LintResult(findings);
    }
}
