using System.Text;
using NUnit.Framework.Interfaces;

namespace PostfixLint.Tests.Support.Golden;

/// <summary>
/// The golden-fixture runner for lint rules (STYLE.md §8): finds the cases under <c>testdata/rules</c>, runs a
/// pluggable linter on each and compares its findings and fixed text with the goldens.
/// </summary>
internal static class RuleFixtures
{
    /// <summary>Every case under <paramref name="root"/> (<c>&lt;root&gt;/&lt;id&gt;/&lt;case&gt;.cf</c> or <c>&lt;case&gt;/</c>), sorted.</summary>
    public static IReadOnlyList<RuleCase> Discover(string root)
    {
        var cases = new List<RuleCase>();
        if (!Directory.Exists(root))
        {
            return cases;
        }

        foreach (var ruleDirectory in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var ruleId = Path.GetFileName(ruleDirectory);
            foreach (var file in Directory.GetFiles(ruleDirectory, "*.cf").Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".fixed.cf", StringComparison.Ordinal))
                {
                    continue;
                }

                var files = new Dictionary<string, string>(StringComparer.Ordinal) { ["main.cf"] = ReadText(file) };
                cases.Add(new RuleCase(ruleId, Path.GetFileNameWithoutExtension(file), file, files));
            }

            foreach (var caseDirectory in Directory.GetDirectories(ruleDirectory).Order(StringComparer.Ordinal))
            {
                var files = Directory.GetFiles(caseDirectory, "*", SearchOption.AllDirectories)
                    .Order(StringComparer.Ordinal)
                    .ToDictionary(f => Path.GetRelativePath(caseDirectory, f).Replace('\\', '/'), ReadText, StringComparer.Ordinal);
                cases.Add(new RuleCase(ruleId, Path.GetFileName(caseDirectory), caseDirectory, files));
            }
        }

        return cases;
    }

    /// <summary>NUnit cases named <c>PFL101/open_cidr</c>, one per fixture.</summary>
    public static IEnumerable<ITestCaseData> TestCases(string root) =>
        Discover(root).Select(c => new TestCaseData(c).SetArgDisplayNames(c.ToString()));

    /// <summary>
    /// Runs <paramref name="linter"/> on <paramref name="ruleCase"/> and returns every mismatch with its goldens (unified
    /// diffs), or an empty list. With <c>POSTFIXLINT_UPDATE_GOLDEN=1</c> the goldens are rewritten instead.
    /// </summary>
    public static IReadOnlyList<string> Check(RuleCase ruleCase, Func<RuleCase, LintResult> linter)
    {
        var result = linter(ruleCase);
        var findings = result.Findings.Where(f => f.Id == ruleCase.RuleId).ToList();
        var fixedText = result.FixedMainCf is { } text && text != ruleCase.MainCf ? text : null;
        var problems = new List<string>();
        if (ruleCase.IsNegative)
        {
            if (findings.Count > 0)
            {
                problems.Add($"{ruleCase} is an {RuleCase.NegativeSuffix} case but {ruleCase.RuleId} reported:\n"
                             + FindingRenderer.Render(findings, ruleCase.Files));
            }

            problems.AddRange(new[] { ruleCase.FindingsPath, ruleCase.FixedPath }
                .Where(File.Exists)
                .Select(path => $"{path}: an {RuleCase.NegativeSuffix} case has no goldens"));
            return problems;
        }

        if (findings.Count == 0)
        {
            problems.Add($"{ruleCase} is a positive case but {ruleCase.RuleId} reported nothing "
                         + $"(name it {ruleCase.Name}{RuleCase.NegativeSuffix} if it should not fire)");
        }

        AddIfMismatch(problems, ruleCase.FindingsPath, findings.Count == 0 ? null : FindingRenderer.Render(findings, ruleCase.Files));
        AddIfMismatch(problems, ruleCase.FixedPath, fixedText);
        return problems;
    }

    /// <summary>Fails the test with every mismatch of <see cref="Check"/>.</summary>
    public static void Verify(RuleCase ruleCase, Func<RuleCase, LintResult> linter)
    {
        var problems = Check(ruleCase, linter);
        if (problems.Count > 0)
        {
            Assert.Fail($"{ruleCase} ({GoldenFile.UpdateVariable}=1 rewrites the goldens; review the diff):\n\n" + string.Join("\n", problems));
        }
    }

    /// <summary>
    /// The meta-test hook: for each of <paramref name="ruleIds"/>, a message when it lacks a positive case or an
    /// <c>_ok</c> case among <paramref name="cases"/>, and one for each case whose folder names no such rule.
    /// </summary>
    public static IReadOnlyList<string> MissingCoverage(IEnumerable<string> ruleIds, IReadOnlyList<RuleCase> cases)
    {
        var ids = ruleIds.ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            var ofRule = cases.Where(c => c.RuleId == id).ToList();
            if (!ofRule.Any(c => !c.IsNegative))
            {
                problems.Add($"{id} has no positive case (testdata/rules/{id}/<case>.cf)");
            }

            if (!ofRule.Any(c => c.IsNegative))
            {
                problems.Add($"{id} has no {RuleCase.NegativeSuffix} case (testdata/rules/{id}/<case>{RuleCase.NegativeSuffix}.cf)");
            }
        }

        problems.AddRange(cases.Select(c => c.RuleId).Distinct().Where(id => !ids.Contains(id)).Select(id => $"testdata/rules/{id} names no registered rule"));
        return problems;
    }

    // Postfix reads bytes; fixtures are read as Latin-1 so every byte is one char, as the library reads main.cf.
    private static string ReadText(string path) => Encoding.Latin1.GetString(File.ReadAllBytes(path));

    private static void AddIfMismatch(List<string> problems, string path, string? actual)
    {
        if (GoldenFile.Compare(path, actual) is { } mismatch)
        {
            problems.Add(mismatch);
        }
    }
}
