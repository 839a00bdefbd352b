using PostfixLint.Testing;
using PostfixLint.Tests.Support.Golden;

namespace PostfixLint.Tests.Analysis;

/// <summary>Every fixture under <c>testdata/rules</c> against its goldens (STYLE.md §8).</summary>
public sealed class RuleFixtureTests
{
    private static string Root => RepositoryLayout.TestData("rules");

    private static IEnumerable<TestCaseData> Cases() => RuleFixtures.TestCases(Root).Cast<TestCaseData>();

    [TestCaseSource(nameof(Cases))]
    public void Fixture_matches_its_goldens(object ruleCase) =>
        RuleFixtures.Verify((RuleCase)ruleCase, EngineLinter.Lint);

    [Test]
    public void Every_rule_has_a_positive_and_an_ok_case() =>
        RuleFixtures.MissingCoverage(EngineLinter.RuleIds, RuleFixtures.Discover(Root)).Should().BeEmpty();
}
