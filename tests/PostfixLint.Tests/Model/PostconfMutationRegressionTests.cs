using System.Net;
using System.Text;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Model.Catalog;

namespace PostfixLint.Tests.Model;

/// <summary>Disagreements with real postconf 3.7 found by the mutational differential (MutationalDifferentialTests), one test per class.</summary>
public sealed class PostconfMutationRegressionTests
{
    private static readonly HostFacts Host = new("mx", [new HostInterfaceAddress("lo", IPAddress.Loopback, 8)], 4242);

    private static PostconfOutput Print(ConfigDirectory directory, PostconfQuery query) =>
        PostconfPrinter.Print(PostfixConfig.Load(directory.Path, new ConfigLoadOptions { Host = Host }), query);

    [Test]
    public void A_fatal_error_while_expanding_drops_the_lines_of_the_unflushed_output_buffer()
    {
        // postconf -n -x stops at virtual_transport; its short output never left the 4096-byte stdout buffer.
        using var directory = ConfigDirectory.Create("mut = ${smtp-amavis?value}\ncontent_filter = smtp:[x]:10024\nvirtual_transport = x ${mut?value}\n");

        var output = Print(directory, new PostconfQuery { NonDefaultOnly = true, Expand = true });

        output.Failed.Should().BeTrue();
        output.Lines.Should().BeEmpty();
        output.LastLineUnterminated.Should().BeFalse();
        output.Messages.Should().ContainSingle(m => m.Severity == DiagnosticSeverity.Fatal).Which.Message.Should().Be("macro processing error");
    }

    [Test]
    public void Show_ends_a_cut_last_line_without_a_newline()
    {
        using var directory = ConfigDirectory.Create(LongOutputBeforeFatal());

        var run = PostfixLint.Tests.Cli.CliRun.Of(["show", "-c", directory.Path, "-n", "-x"]);

        run.ExitCode.Should().NotBe(0);
        run.Out.Should().HaveLength(8192).And.EndWith("\naaa_160 = " + new string('x', 22));
    }

    [Test]
    public void A_fatal_error_while_expanding_keeps_whole_4096_byte_buffers_even_mid_line()
    {
        using var directory = ConfigDirectory.Create(LongOutputBeforeFatal());

        var output = Print(directory, new PostconfQuery { NonDefaultOnly = true, Expand = true });

        // Real postconf 3.7 prints exactly 8192 bytes here, the last line cut after "aaa_160 = " and 22 x's.
        output.Failed.Should().BeTrue();
        output.Lines.Sum(line => line.Length + 1).Should().Be(8192 + 1);
        output.LastLineUnterminated.Should().BeTrue();
        output.Lines[^1].Should().Be("aaa_160 = " + new string('x', 22));
    }

    // 200 used user parameters print 10,200 bytes (sorted before config_directory) before virtual_transport's expansion stops postconf.
    private static string LongOutputBeforeFatal()
    {
        var main = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            main.Append($"aaa_{i:D3} = {new string('x', 40)}\n");
        }

        main.Append("smtpd_banner = ").AppendJoin(' ', Enumerable.Range(0, 200).Select(i => $"$aaa_{i:D3}")).Append('\n');
        return main.Append("mut = ${smtp-amavis?value}\nvirtual_transport = x ${mut?value}\n").ToString();
    }
}
