using PostfixLint.Tests.Support.Golden;

namespace PostfixLint.Tests.Analysis;

/// <summary>The golden-fixture runner itself, on fixtures written to a temporary folder and a fake linter.</summary>
public sealed class GoldenRunnerTests
{
    private string _root = string.Empty;

    [SetUp]
    public void CreateRoot()
    {
        _root = Directory.CreateTempSubdirectory("pfl-golden-").FullName;
        Environment.SetEnvironmentVariable(GoldenFile.UpdateVariable, null);
    }

    [TearDown]
    public void DeleteRoot()
    {
        Environment.SetEnvironmentVariable(GoldenFile.UpdateVariable, null);
        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public void Finds_file_cases_and_folder_cases_with_their_files()
    {
        Write("PFL101/open_cidr.cf", "mynetworks = 0.0.0.0/0\n");
        Write("PFL101/open_cidr.findings.txt", "x");
        Write("PFL101/open_cidr.fixed.cf", "x");
        Write("PFL101/loopback_ok.cf", "mynetworks = 127.0.0.0/8\n");
        Write("PFL101/with_master/main.cf", "mynetworks = 0.0.0.0/0\n");
        Write("PFL101/with_master/master.cf", "smtp inet n - y - - smtpd\n");
        Write("PFL101/with_master/maps/access", "1.2.3.4 OK\n");

        var cases = RuleFixtures.Discover(_root);

        cases.Select(c => c.ToString()).Should().Equal("PFL101/loopback_ok", "PFL101/open_cidr", "PFL101/with_master");
        cases.Select(c => c.IsNegative).Should().Equal(true, false, false);
        cases[2].Files.Keys.Should().Equal("main.cf", "maps/access", "master.cf");
        cases[2].FindingsPath.Should().Be(Path.Combine(_root, "PFL101", "with_master.findings.txt"));
    }

    [Test]
    public void Renders_a_finding_with_its_place_caret_and_fix_title()
    {
        var text = "# comment\nmyhostname = x\nmynetworks = 127.0.0.0/8, 0.0.0.0/0\n";
        var marked = Markup.Parse("# comment\nmyhostname = x\nmynetworks = 127.0.0.0/8, ⟦0.0.0.0/0⟧\n");
        marked.Text.Should().Be(text);
        var span = marked.Spans.Should().ContainSingle().Subject;

        var rendered = FindingRenderer.Render(
            [new GoldenFinding("PFL101", "`mynetworks` includes `0.0.0.0/0`, so every client may relay", "main.cf", span.Start, span.Length, "Remove `0.0.0.0/0` from `mynetworks`")],
            new Dictionary<string, string> { ["main.cf"] = text });

        rendered.Should().Be(
            "PFL101 [*] `mynetworks` includes `0.0.0.0/0`, so every client may relay\n"
            + "  --> main.cf:3:27\n"
            + "  |\n"
            + "3 | mynetworks = 127.0.0.0/8, 0.0.0.0/0\n"
            + "  |                           ^^^^^^^^^\n"
            + "  help: Remove `0.0.0.0/0` from `mynetworks`\n");
    }

    [Test]
    public void A_finding_on_a_default_has_no_snippet()
    {
        FindingRenderer.Render([new GoldenFinding("PFL102", "the default `mynetworks` is used", "main.cf", null, 0, null)], new Dictionary<string, string>())
            .Should().Be("PFL102 the default `mynetworks` is used\n  --> main.cf (default)\n");
    }

    [Test]
    public void A_mismatch_fails_with_a_unified_diff_of_findings_and_fixed_text()
    {
        Write("PFL101/open_cidr.cf", "mynetworks = 0.0.0.0/0\n");
        Write("PFL101/open_cidr.findings.txt", "PFL101 [*] old message\n  --> main.cf:1:14\n");
        Write("PFL101/open_cidr.fixed.cf", "mynetworks = 127.0.0.0/8\n");
        var ruleCase = RuleFixtures.Discover(_root).Single();

        var problems = RuleFixtures.Check(ruleCase, FakeLinter);

        problems.Should().HaveCount(2);
        problems[0].Should().Contain("--- open_cidr.findings.txt").And.Contain("-PFL101 [*] old message").And.Contain("+PFL101 [*] open network");
        problems[1].Should().Contain("-mynetworks = 127.0.0.0/8").And.Contain("+mynetworks =");
    }

    [Test]
    public void Updating_rewrites_the_goldens_and_then_they_match()
    {
        Write("PFL101/open_cidr.cf", "mynetworks = 0.0.0.0/0\n");
        var ruleCase = RuleFixtures.Discover(_root).Single();
        RuleFixtures.Check(ruleCase, FakeLinter).Should().HaveCount(2).And.OnlyContain(p => p.Contains("is missing", StringComparison.Ordinal));

        Environment.SetEnvironmentVariable(GoldenFile.UpdateVariable, "1");
        RuleFixtures.Check(ruleCase, FakeLinter).Should().BeEmpty();
        Environment.SetEnvironmentVariable(GoldenFile.UpdateVariable, null);

        RuleFixtures.Check(ruleCase, FakeLinter).Should().BeEmpty();
        File.ReadAllText(ruleCase.FindingsPath).Should().StartWith("PFL101 [*] open network\n  --> main.cf:1:14\n");
        File.ReadAllText(ruleCase.FixedPath).Should().Be("mynetworks =\n");
    }

    [Test]
    public void An_ok_case_must_not_fire_and_a_positive_case_must()
    {
        Write("PFL101/open_ok.cf", "mynetworks = 0.0.0.0/0\n");
        Write("PFL101/closed.cf", "mynetworks = 127.0.0.0/8\n");
        var cases = RuleFixtures.Discover(_root);

        RuleFixtures.Check(cases.Single(c => c.Name == "open_ok"), FakeLinter).Should().Contain(p => p.Contains("is an _ok case but PFL101 reported", StringComparison.Ordinal));
        RuleFixtures.Check(cases.Single(c => c.Name == "closed"), FakeLinter).Should().ContainSingle().Which.Should().Contain("reported nothing");
    }

    [Test]
    public void Coverage_names_rules_without_a_positive_or_an_ok_case_and_folders_without_a_rule()
    {
        Write("PFL101/open_cidr.cf", "x\n");
        Write("PFL999/stray_ok.cf", "x\n");

        RuleFixtures.MissingCoverage(["PFL101", "PFL102"], RuleFixtures.Discover(_root)).Should().Equal(
            "PFL101 has no _ok case (testdata/rules/PFL101/<case>_ok.cf)",
            "PFL102 has no positive case (testdata/rules/PFL102/<case>.cf)",
            "PFL102 has no _ok case (testdata/rules/PFL102/<case>_ok.cf)",
            "testdata/rules/PFL999 names no registered rule");
    }

    [TestCase("a ⟦b", "never closed")]
    [TestCase("a ⟧b", "without")]
    [TestCase("⟦a ⟦b⟧⟧", "nested")]
    public void Unbalanced_markers_are_refused(string marked, string message) =>
        FluentActions.Invoking(() => Markup.Parse(marked)).Should().Throw<ArgumentException>().WithMessage($"*{message}*");

    [Test]
    public void Markers_keep_brackets_and_braces_of_Postfix_syntax()
    {
        var marked = Markup.Parse("mynetworks = ⟦[::1]/128⟧ ${x}");
        marked.Text.Should().Be("mynetworks = [::1]/128 ${x}");
        marked.Spans.Should().Equal(new MarkedSpan(13, 9));
    }

    // A stand-in rule: "0.0.0.0/0" in main.cf is reported, and the fix deletes it.
    private static LintResult FakeLinter(RuleCase ruleCase)
    {
        var at = ruleCase.MainCf.IndexOf("0.0.0.0/0", StringComparison.Ordinal);
        if (at < 0)
        {
            return new LintResult([]);
        }

        return new LintResult(
            [new GoldenFinding("PFL101", "open network", "main.cf", at, 9, "Remove `0.0.0.0/0`"), new GoldenFinding("PFL999", "other rule", "main.cf", 0, 1, null)],
            ruleCase.MainCf.Remove(at - 1, 10));
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
