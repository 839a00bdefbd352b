using System.Text.Json;
using PostfixLint.Tests.Cli;

namespace PostfixLint.Tests.Simulation;

/// <summary>The <c>simulate</c> verb: batch JSON lines in input order, copied keys, exit codes.</summary>
[TestFixture]
public sealed class SimulateCommandTests
{
    [Test]
    public void Batch_output_keeps_input_order_and_copies_unknown_keys()
    {
        const string probes = """
            {"id":"outsider","client":"192.168.1.100","sender":"app@example.com","recipient":"x@gmail.com","ticket":[1,2]}
            {"id":"loopback","client":"127.0.0.1","sender":"app@example.com","recipient":"x@gmail.com"}
            """;
        var run = CliRun.Of(["simulate", "-c", RepositoryPaths.DebianDefault, "--assume-reachable", "--probes", "-"], probes);

        run.ExitCode.Should().Be(1, run.Error);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        using var first = JsonDocument.Parse(lines[0]);
        first.RootElement.GetProperty("id").GetString().Should().Be("outsider");
        first.RootElement.GetProperty("ticket").GetRawText().Should().Be("[1,2]");
        first.RootElement.GetProperty("decision").GetString().Should().Be("defer");
        first.RootElement.GetProperty("rcpt_reply").GetString().Should().Be("454 4.7.1 <x@gmail.com>: Relay access denied");
        using var second = JsonDocument.Parse(lines[1]);
        second.RootElement.GetProperty("decision").GetString().Should().Be("accept");
    }

    [Test]
    public void Single_probe_prints_the_trace_as_text_and_exits_0_when_accepted()
    {
        var run = CliRun.Of(["simulate", "-c", RepositoryPaths.DebianDefault, "--client", "127.0.0.1", "--sender", "app@example.com", "--recipient", "x@gmail.com"]);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("RCPT TO:   250 2.1.5 Ok").And.Contain("smtpd_relay_restrictions: permit_mynetworks -> permit");
    }

    [Test]
    public void Missing_recipient_is_a_usage_error()
    {
        CliRun.Of(["simulate", "--client", "127.0.0.1", "--sender", "a@b.example"]).ExitCode.Should().Be(2);
    }
}
