using System.Text;
using PostfixLint.Analysis;
using PostfixLint.Model;
using PostfixLint.Simulation;
using PostfixLint.Tests.Simulation;

namespace PostfixLint.Tests.Analysis.Rules.Restrictions;

/// <summary>PFL202 on class chains too long for a fixture: smtpd's edge is 37,380 nested classes (the simulator's <see cref="RestrictionWalker.SmtpdMaxClassNesting"/>).</summary>
[TestFixture]
public sealed class RestrictionClassRecursionTests
{
    private const int Limit = RestrictionWalker.SmtpdMaxClassNesting;

    private string _directory = "";

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "pfl-202-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Reports_an_acyclic_class_chain_one_deeper_than_smtpd_survives()
    {
        var config = ClassChain(Limit + 1, "smtpd_recipient_restrictions = c1, permit\n");

        var findings = Pfl202(config);
        var simulated = new RelaySimulator(config, new SimulatorOptions { NoPasswd = true }).Simulate(SimulatorFixture.Remote());

        findings.Should().ContainSingle().Which.Message.Should().Be(
            $"restriction classes nest {Limit + 1} deep through `c{Limit + 1}` here (c1 → c2 → … ({Limit - 3} more) → c{Limit} → c{Limit + 1}), "
            + $"more than the {Limit} smtpd survives: it runs out of stack when it gets here and dies with a stack overflow");
        findings[0].Span.Should().NotBeNull();
        simulated.Decision.Should().Be(Decision.Error);
    }

    [Test]
    public void Does_not_report_the_deepest_chain_smtpd_answers()
    {
        var config = ClassChain(Limit, "smtpd_recipient_restrictions = c1, permit\n");

        var findings = Pfl202(config);
        var simulated = new RelaySimulator(config, new SimulatorOptions { NoPasswd = true }).Simulate(SimulatorFixture.Remote());

        findings.Should().BeEmpty();
        simulated.Decision.Should().Be(Decision.Reject);
    }

    // c2 is walked first from smtpd_client_restrictions (37,380 deep: fine); smtpd_recipient_restrictions reaches the
    // same chain one class deeper through c1.
    [Test]
    public void Reports_a_chain_that_passes_the_limit_through_a_class_first_walked_by_a_shorter_way()
    {
        var config = ClassChain(Limit + 1, "smtpd_client_restrictions = c2, permit\nsmtpd_recipient_restrictions = c1, permit\n");

        var findings = Pfl202(config);

        findings.Should().ContainSingle().Which.Message.Should().StartWith($"restriction classes nest {Limit + 1} deep through `c");
    }

    [Test]
    public void Does_not_report_a_deep_chain_smtpd_never_reaches()
    {
        var config = ClassChain(Limit + 1, "smtpd_recipient_restrictions = permit, c1\n");

        Pfl202(config).Should().BeEmpty();
    }

    private static List<PostfixLint.Diagnostics.Diagnostic> Pfl202(PostfixConfig config) =>
        [.. Linter.Check(config, new LintOptions { Select = ["PFL202"] }).Findings.Where(f => f.Id == "PFL202")];

    // c1 = c2, c2 = c3, ..., the last one rejects.
    private PostfixConfig ClassChain(int depth, string lists)
    {
        var text = new StringBuilder("smtpd_restriction_classes = ");
        text.AppendJoin(' ', Enumerable.Range(1, depth).Select(i => $"c{i}")).Append('\n');
        for (var i = 1; i < depth; i++)
        {
            text.Append($"c{i} = c{i + 1}\n");
        }

        File.WriteAllText(Path.Combine(_directory, "main.cf"), text.Append($"c{depth} = reject\n").Append(lists).ToString());
        return PostfixConfig.Load(_directory);
    }
}
