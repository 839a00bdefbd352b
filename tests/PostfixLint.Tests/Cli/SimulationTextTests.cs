using System.Text;
using PostfixLint.Cli.Reporting;
using PostfixLint.Model;
using PostfixLint.Simulation;
using PostfixLint.Tests.Simulation;

namespace PostfixLint.Tests.Cli;

[TestFixture]
public sealed class SimulationTextTests
{
    [Test]
    public void A_deep_class_chain_is_indented_up_to_a_cap_and_then_numbered_in_linear_text()
    {
        const int Depth = 5_000;
        var text = new StringBuilder("smtpd_restriction_classes = ");
        text.AppendJoin(' ', Enumerable.Range(1, Depth).Select(i => $"c{i}")).Append('\n');
        for (var i = 1; i < Depth; i++)
        {
            text.Append($"c{i} = c{i + 1}\n");
        }

        text.Append($"c{Depth} = reject\nsmtpd_recipient_restrictions = c1, permit\n");
        var config = PostfixConfig.FromPostconfOutput(text.ToString(), "postconf.txt");
        var result = new RelaySimulator(config, new SimulatorOptions { NoPasswd = true }).Simulate(SimulatorFixture.Remote());
        var deepest = result.Trace.Max(e => e.Depth);

        var output = SimulationText.Format(result);
        var lines = output.Split('\n');

        deepest.Should().BeGreaterThan(SimulationText.MaxIndentedDepth * 10);
        lines.Max(l => l.Length - l.TrimStart(' ').Length).Should().Be(4 + (2 * SimulationText.MaxIndentedDepth) + 2);
        var capped = new string(' ', 4 + (2 * SimulationText.MaxIndentedDepth));
        lines.Should().Contain($"{capped}c32: c33 -> reject   [postconf.txt:33]")
            .And.Contain($"{capped}(depth 33) c33: c34 -> reject   [postconf.txt:34]")
            .And.Contain(l => l.StartsWith($"{capped}(depth {deepest}) c{deepest}: reject -> reject", StringComparison.Ordinal));
        // About 400 characters an entry; one indent per level gave 15,000 on average for this chain.
        output.Length.Should().BeLessThan(result.Trace.Length * 1_000);
    }
}
