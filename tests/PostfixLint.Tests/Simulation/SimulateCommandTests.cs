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
    public void An_unreachable_client_answers_unreachable_with_the_reason_and_exits_1()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pfl-unreach-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "main.cf"), "compatibility_level = 3.6\ninet_interfaces = loopback-only\n");
        try
        {
            var run = CliRun.Of(["simulate", "-c", directory, "--no-passwd", "--format", "json", "--client", "192.168.1.100", "--sender", "a@example.com", "--recipient", "x@gmail.com"]);

            run.ExitCode.Should().Be(1, run.Error);
            using var json = JsonDocument.Parse(run.Out);
            json.RootElement.GetProperty("decision").GetString().Should().Be("unreachable");
            json.RootElement.GetProperty("stage").GetString().Should().Be("connect");
            json.RootElement.GetProperty("mail_from_reply").ValueKind.Should().Be(JsonValueKind.Null);
            json.RootElement.GetProperty("rcpt_reply").ValueKind.Should().Be(JsonValueKind.Null);
            json.RootElement.GetProperty("error").ValueKind.Should().Be(JsonValueKind.Null);
            json.RootElement.GetProperty("reachability").GetString().Should().Contain("listens on loopback only");
            json.RootElement.GetProperty("trace")[0].GetProperty("restriction").GetString().Should().Be("inet_interfaces = loopback-only");

            CliRun.Of(["simulate", "-c", directory, "--no-passwd", "--assume-reachable", "--client", "192.168.1.100", "--sender", "a@example.com", "--recipient", "x@gmail.com"])
                .Out.Should().NotContain("unreachable");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Smtputf8_option_and_probe_key_send_the_mail_from_parameter()
    {
        string[] single = ["simulate", "-c", RepositoryPaths.DebianDefault, "--assume-reachable", "--format", "json", "--client", "127.0.0.1", "--sender", "app@example.com", "--recipient", "x@ex\u00e4mple.org"];
        using (var without = JsonDocument.Parse(CliRun.Of(single).Out))
        {
            without.RootElement.GetProperty("rcpt_reply").GetString().Should().Be("501 5.1.3 Bad recipient address syntax");
            without.RootElement.TryGetProperty("smtputf8", out _).Should().BeFalse();
        }

        var run = CliRun.Of([.. single, "--smtputf8"]);
        run.ExitCode.Should().Be(0, run.Error);
        using (var with = JsonDocument.Parse(run.Out))
        {
            with.RootElement.GetProperty("smtputf8").GetBoolean().Should().BeTrue();
            with.RootElement.GetProperty("rcpt_reply").GetString().Should().Be("250 2.1.5 Ok");
        }

        const string probes = """
            {"id":"declared","client":"127.0.0.1","sender":"app@example.com","recipient":"x@ex\u00e4mple.org","smtputf8":true}
            """;
        var batch = CliRun.Of(["simulate", "-c", RepositoryPaths.DebianDefault, "--assume-reachable", "--probes", "-"], probes);
        using var line = JsonDocument.Parse(batch.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0]);
        line.RootElement.GetProperty("smtputf8").GetBoolean().Should().BeTrue();
        line.RootElement.GetProperty("decision").GetString().Should().Be("accept");
    }

    [Test]
    public void Missing_recipient_is_a_usage_error()
    {
        CliRun.Of(["simulate", "--client", "127.0.0.1", "--sender", "a@b.example"]).ExitCode.Should().Be(2);
    }
}
