using System.Text.Json;

namespace PostfixLint.Tests.Cli;

/// <summary>The <c>explain</c> verb: log lines as arguments, a whole log with --log, formats and exit codes.</summary>
[TestFixture]
public sealed class ExplainCommandTests
{
    private const string Reject =
        "Dec  4 13:22:01 mail postfix/smtpd[812]: NOQUEUE: reject: RCPT from unknown[192.0.2.117]: 454 4.7.1 <x@gmail.com>: Relay access denied; from=<a@example.com> to=<x@gmail.com> proto=ESMTP helo=<pc.example.net>";

    [Test]
    public void Explains_a_log_line_as_text_and_exits_0_when_it_is_reproduced()
    {
        var run = CliRun.Of(["explain", "-c", RepositoryPaths.DebianDefault, Reject]);

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        run.Out.Should().Contain("logged:    454 4.7.1 <x@gmail.com>: Relay access denied")
            .And.Contain("simulated: 454 4.7.1 <x@gmail.com>: Relay access denied")
            .And.Contain("reproduced exactly")
            .And.Contain("cause: Relay access denied: not in mynetworks")
            .And.Contain("smtpd_relay_restrictions: defer_unauth_destination -> defer");
    }

    [Test]
    public void Explains_a_log_line_as_json()
    {
        var run = CliRun.Of(["explain", "-c", RepositoryPaths.DebianDefault, "--format", "json", Reject]);

        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("reproduced").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("command").GetString().Should().Be("RCPT");
        json.RootElement.GetProperty("service").GetString().Should().Be("smtp");
        json.RootElement.GetProperty("simulation").GetProperty("rcpt_reply").GetString().Should().Be("454 4.7.1 <x@gmail.com>: Relay access denied");
    }

    [Test]
    public void A_line_that_is_not_reproduced_exits_1_and_says_what_differs()
    {
        var run = CliRun.Of(["explain", "-c", RepositoryPaths.DebianDefault, Reject.Replace("454 4.7.1", "554 5.7.1", StringComparison.Ordinal)]);

        run.ExitCode.Should().Be(1);
        run.Out.Should().Contain("not reproduced: the simulator replies 454 4.7.1 <x@gmail.com>: Relay access denied");
    }

    [Test]
    public void Summarises_a_log_from_standard_input_most_frequent_first()
    {
        var other = Reject.Replace("192.0.2.117", "192.0.2.9", StringComparison.Ordinal);
        var log = string.Join("\n", Reject, "Dec  4 13:22:01 mail postfix/smtpd[812]: connect from unknown[192.0.2.9]", other, other, "");

        var run = CliRun.Of(["explain", "-c", RepositoryPaths.DebianDefault, "--log", "-"], log);

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        run.Out.Should().Contain("    check: PFL208 defer-unauth-destination\n");
        // Standard output is bytes (one char per byte): the summary's × and → go out as UTF-8.
        var lines = PostfixLint.Cli.Reporting.Utf8Output.Decode(run.Out).Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith(' ')).ToList();
        lines[0].Should().StartWith("2 × 192.0.2.9 → Relay access denied: not in mynetworks");
        lines[1].Should().StartWith("1 × 192.0.2.117 → Relay access denied");
        lines[2].Should().MatchRegex(@"^4 lines in [0-9.]+ s \([0-9]+ lines/s\): 3 rejects, 3 reproduced exactly, 1 lines skipped$");
    }

    [Test]
    public void Lines_and_log_together_or_neither_are_a_usage_error()
    {
        CliRun.Of(["explain", "-c", RepositoryPaths.DebianDefault]).ExitCode.Should().Be(2);
        CliRun.Of(["explain", "-c", RepositoryPaths.DebianDefault, "--log", "-", Reject]).ExitCode.Should().Be(2);
    }
}
