using PostfixLint.Diagnostics;
using PostfixLint.Fixing;
using PostfixLint.Syntax;
using PostfixLint.Testing;
using PostfixLint.Tests.Analysis;
using PostfixLint.Tests.Support.Golden;

namespace PostfixLint.Tests.Fixing;

/// <summary>Every rule fixture with a <c>.fixed.cf</c> golden, fixed by <see cref="FixApplier"/> with only its rule selected (STYLE.md §6, §8).</summary>
public sealed class FixApplierFixtureTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        RuleFixtures.Discover(RepositoryLayout.TestData("rules"))
            .Where(c => !c.IsNegative && File.Exists(c.FixedPath))
            .Select(c => new TestCaseData(c).SetArgDisplayNames(c.ToString()));

    [TestCaseSource(nameof(Cases))]
    public void Fixing_a_fixture_gives_its_golden_and_leaves_no_finding_of_the_rule(object value)
    {
        var ruleCase = (RuleCase)value;
        var directory = EngineLinter.Write(ruleCase);
        try
        {
            var plan = Plan(directory, ruleCase.RuleId);

            plan.Problems.Should().BeEmpty("a fix that adds a finding or does not settle is a bug in its rule (issue 8 §1)");
            var mainCf = plan.Files.Single(f => f.Path.EndsWith("/main.cf", StringComparison.Ordinal));
            mainCf.NewText.Should().Be(File.ReadAllText(ruleCase.FixedPath, System.Text.Encoding.Latin1));
            plan.Remaining.Where(f => f.Id == ruleCase.RuleId && f.Fix is { Safety: not FixSafety.DisplayOnly })
                .Should().BeEmpty("a finding whose fix was applied is gone (findings without a fix may stay)");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Fixing_twice_changes_nothing_the_second_time(object value)
    {
        var ruleCase = (RuleCase)value;
        var directory = EngineLinter.Write(ruleCase);
        try
        {
            var first = Plan(directory, ruleCase.RuleId);
            foreach (var file in first.Files)
            {
                SourceFile.Write(file.Path, file.NewText);
            }

            var second = Plan(directory, ruleCase.RuleId);

            second.Files.Should().BeEmpty();
            second.Applied.Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static FixPlan Plan(string directory, string ruleId)
    {
        var (config, options) = EngineLinter.Load(directory);
        return FixApplier.Plan(config, new FixOptions { Lint = options, Select = [ruleId], UnsafeFixes = true });
    }
}
