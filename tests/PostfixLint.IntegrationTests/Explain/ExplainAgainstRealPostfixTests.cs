using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using PostfixLint.Analysis.Explain;
using PostfixLint.IntegrationTests.Instance;
using PostfixLint.Model;

namespace PostfixLint.IntegrationTests.Explain;

/// <summary>
/// Issue 9 §1's proof: probes get every kind of reject from a real private Postfix; its own maillog lines, fed to
/// <c>explain</c>, are each reproduced exactly by the simulator.
/// </summary>
[TestFixture]
public sealed class ExplainAgainstRealPostfixTests
{
    private const string MainCf = """
        smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
        smtpd_client_restrictions = warn_if_reject reject_unknown_reverse_client_hostname
        smtpd_helo_restrictions = reject_invalid_helo_hostname
        smtpd_sender_restrictions = check_sender_access hash:/etc/postfix/sender_access
        smtpd_recipient_restrictions = check_recipient_access hash:/etc/postfix/recipient_access
        strict_smtputf8 = yes
        """;

    // submission logs as postfix/submission (master.cf -o syslog_name) and refuses at HELO and MAIL FROM itself.
    private const string MasterCf = """
        smtp      inet  n       -       y       -       -       smtpd
        submission inet n       -       y       -       -       smtpd
          -o syslog_name=postfix/submission
          -o smtpd_delay_reject=no
          -o smtpd_client_restrictions=
          -o smtpd_helo_required=yes
          -o smtpd_helo_restrictions=reject_non_fqdn_helo_hostname
          -o smtpd_sender_restrictions=reject_non_fqdn_sender

        """;

    private static readonly Dictionary<string, string> s_tables = new()
    {
        ["sender_access"] = "spammer@bad.example  550 5.7.1 No mail from you\nbad.example  REJECT\n",
        ["recipient_access"] = "later@mail.example.com  451 4.7.1 Try again later\nblocked@mail.example.com  REJECT no mail for this one\n",
    };

    private static readonly Instance.Probe[] s_probes =
    [
        new("192.0.2.10", "app@example.com", "x@gmail.com") { Id = "relay-denied", Helo = "client.example.net" },
        new("192.0.2.11", "app@example.com", "x@gmail.com") { Id = "relay-denied-named", ClientName = "host.example.net", Helo = "host.example.net" },
        new("192.0.2.12", "spammer@bad.example", "root@mail.example.com") { Id = "sender-access-code", Helo = "client.example.net" },
        new("192.0.2.13", "other@bad.example", "root@mail.example.com") { Id = "sender-access-reject", Helo = "client.example.net" },
        new("192.0.2.14", "app@example.com", "later@mail.example.com") { Id = "recipient-defer", Helo = "client.example.net" },
        new("192.0.2.15", "app@example.com", "blocked@mail.example.com") { Id = "recipient-reject-text", Helo = "client.example.net" },
        new("192.0.2.16", "app@example.com", "root@mail.example.com") { Id = "invalid-helo", Helo = "bad_helo!" },
        new("192.0.2.17", "", "x@gmail.com") { Id = "null-sender-relay", Helo = "client.example.net" },

        // The log line shows no SMTPUTF8, but a UTF-8 domain (or, under strict_smtputf8, any UTF-8 address) implies it.
        new("192.0.2.18", "app@example.com", "x@ex\u00e4mple.org") { Id = "utf8-domain-relay", Helo = "client.example.net", Smtputf8 = true },
        new("192.0.2.19", "j\u00f6rg@example.com", "x@gmail.com") { Id = "utf8-sender-strict-relay", Helo = "client.example.net", Smtputf8 = true },
        new("192.0.2.20", "app@example.com", "root@mail.example.com") { Id = "submission-helo", Helo = "nodots", Service = "submission" },
        new("192.0.2.21", "user@nodots", "root@mail.example.com") { Id = "submission-mail", Helo = "client.example.net", Service = "submission" },
        new("192.0.2.22", "app@example.com", "x@gmail.com") { Id = "submission-relay", Helo = "client.example.net", Service = "submission" },
    ];

    [Test]
    public async Task Every_reject_the_real_instance_logs_is_reproduced_exactly()
    {
        var scenario = Scenario.FromFragment("explain-rejects", MainCf, s_probes, MasterCf, s_tables);
        await using var instance = await PrivatePostfixInstance.StartAsync(scenario);
        instance.StartupError.Should().BeNull();
        var results = await instance.RunProbesAsync(s_probes);
        results.Should().OnlyContain(r => r.Decision == ProbeDecision.Reject || r.Decision == ProbeDecision.Defer, string.Join("\n", results.Select(r => r.ToString())));

        var (lines, rejects) = await WaitForRejectsAsync(instance, s_probes.Length);
        TestContext.Out.WriteLine(string.Join("\n", rejects));

        var summary = new LogSummary(new LogExplainer(PostfixConfig.Load(instance.ConfigDirectory)));
        var explanations = lines.Select(summary.Add).OfType<LogExplanation>().ToList();

        explanations.Should().HaveCount(rejects.Length);
        foreach (var explanation in explanations)
        {
            explanation.Reproduced.Should().BeTrue($"{explanation.Reject.Reply} is logged; simulated {explanation.SimulatedReply}: {explanation.Difference}\n{string.Join("\n", explanation.Result.Trace)}");
            explanation.Cause.Should().NotBeNullOrEmpty();
        }

        explanations.Select(e => e.Reject.Command).Should().Contain([LoggedCommand.Helo, LoggedCommand.Mail, LoggedCommand.Rcpt]);
        explanations.Should().Contain(e => e.Reject.Warning, "warn_if_reject logs reject_warning lines");
        explanations.Should().Contain(e => e.Reject.Reply.StartsWith('4'), "a 4xx reject is logged as reject too");
        explanations.Where(e => e.Reject.ClientAddress.StartsWith("192.0.2.2", StringComparison.Ordinal))
            .Should().NotBeEmpty().And.OnlyContain(e => e.Result.Probe.Service == instance.Listeners.Single(l => l.Service == "submission").Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "postfix/submission is the master.cf service with -o syslog_name=postfix/submission");
        explanations.Where(e => e.Reject.ClientAddress is "192.0.2.18" or "192.0.2.19" && !e.Reject.Warning)
            .Should().HaveCount(2).And.OnlyContain(e => e.Result.Probe.Smtputf8, "the UTF-8 addresses imply MAIL FROM ... SMTPUTF8")
            .And.Contain(e => e.Result.Probe.Recipient == "x@ex\u00e4mple.org", "the logged UTF-8 bytes are decoded");
        summary.Reproduced.Should().Be(summary.Rejects);
    }

    [Test]
    public async Task The_explain_verb_summarises_the_real_maillog()
    {
        var scenario = Scenario.FromFragment("explain-log", MainCf, s_probes, MasterCf, s_tables);
        await using var instance = await PrivatePostfixInstance.StartAsync(scenario);
        await instance.RunProbesAsync(s_probes);
        var (_, rejects) = await WaitForRejectsAsync(instance, s_probes.Length);
        var log = Path.Combine(instance.Root, "maillog");

        var output = new StringWriter();
        var code = PostfixLint.Cli.Program.Run(["explain", "-c", instance.ConfigDirectory, "--log", log, "--format", "json"], new PostfixLint.Cli.CliStreams(output, TextWriter.Null, TextReader.Null));

        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        root.GetProperty("rejects").GetInt64().Should().Be(rejects.Length, output.ToString());
        root.GetProperty("reproduced").GetInt64().Should().Be(rejects.Length, output.ToString());
        root.GetProperty("skipped").GetInt64().Should().BeGreaterThan(0, "connect/disconnect and start-up lines are not rejects");
        root.GetProperty("lines_per_second").GetInt64().Should().BeGreaterThan(0);
        code.Should().Be(0);
    }

    [Test]
    public async Task Connect_stage_rejects_the_real_instance_logs_are_reproduced_exactly()
    {
        // smtpd_delay_reject = no: the client restrictions run when the client connects (after XCLIENT, for the client it
        // names), and smtpd logs "reject: CONNECT from ...". The harness itself connects from 127.0.0.1 (in mynetworks).
        const string ConnectMasterCf = """
            smtp      inet  n       -       y       -       -       smtpd
            relay     inet  n       -       y       -       -       smtpd
              -o syslog_name=postfix/relay
              -o smtpd_delay_reject=no
              -o smtpd_client_restrictions=permit_mynetworks,check_client_access,hash:/etc/postfix/client_access,reject_unknown_client_hostname,reject
            local     inet  n       -       y       -       -       smtpd
              -o syslog_name=postfix/local
              -o smtpd_delay_reject=no
              -o smtpd_client_restrictions=check_client_access,cidr:/etc/postfix/loopback.cidr

            """;
        var tables = new Dictionary<string, string>(s_tables)
        {
            ["client_access"] = "192.0.2.31  REJECT go away\n192.0.2.32  450 4.7.1 come back later\nhost.example.net  554 5.7.1 no hosts from there\n",
            ["loopback.cidr"] = "127.0.0.0/8  REJECT no loopback clients here\n",
        };
        Instance.Probe[] probes =
        [
            new("192.0.2.30", "app@example.com", "root@mail.example.com") { Id = "connect-unknown", Helo = "client.example.net", Service = "relay" },
            new("192.0.2.31", "app@example.com", "root@mail.example.com") { Id = "connect-table", Helo = "client.example.net", Service = "relay" },
            new("192.0.2.32", "app@example.com", "root@mail.example.com") { Id = "connect-defer", Helo = "client.example.net", Service = "relay" },
            new("192.0.2.33", "app@example.com", "root@mail.example.com") { Id = "connect-name", ClientName = "host.example.net", Helo = "client.example.net", Service = "relay" },
            new("192.0.2.34", "app@example.com", "root@mail.example.com") { Id = "connect-final", ClientName = "mx.other.example", Helo = "client.example.net", Service = "relay" },

            // The harness's own connection (127.0.0.1) refused before XCLIENT: a plain "reject: CONNECT from" line.
            new("127.0.0.1", "app@example.com", "root@mail.example.com") { Id = "connect-greeting", Helo = "client.example.net", Service = "local" },
        ];
        await using var instance = await PrivatePostfixInstance.StartAsync(Scenario.FromFragment("explain-connect", MainCf, probes, ConnectMasterCf, tables));
        instance.StartupError.Should().BeNull();
        var results = await instance.RunProbesAsync(probes);
        TestContext.Out.WriteLine(string.Join("\n", results.Select(r => $"{r.Probe.Id}: {r.Decision} {r.Stage} {r.ConnectReply} | {r.MailFromReply}")));
        results.Should().OnlyContain(r => r.Stage == ProbeStage.Connect && r.Decision != ProbeDecision.Error);

        var (lines, rejects) = await WaitForRejectsAsync(instance, probes.Length);
        TestContext.Out.WriteLine(string.Join("\n", rejects));
        var summary = new LogSummary(new LogExplainer(PostfixConfig.Load(instance.ConfigDirectory)));
        var explanations = lines.Select(summary.Add).OfType<LogExplanation>().ToList();

        explanations.Should().HaveCount(probes.Length).And.OnlyContain(e => e.Reject.Command == LoggedCommand.Connect);
        rejects.Should().Contain(l => l.Contains("reject: CONNECT from unknown[127.0.0.1]", StringComparison.Ordinal))
            .And.Contain(l => l.Contains("reject: XCLIENT from ", StringComparison.Ordinal));
        foreach (var explanation in explanations)
        {
            explanation.Reproduced.Should().BeTrue($"{explanation.Reject.Reply} is logged; simulated {explanation.SimulatedReply}: {explanation.Difference}\n{string.Join("\n", explanation.Result.Trace)}");
            explanation.Cause.Should().NotBeNullOrEmpty();
        }
    }

    /// <summary>
    /// postlogd writes asynchronously: wait (bounded) until every probe's client has its final <c>reject:</c> line in the
    /// maillog (its session's earlier <c>reject_warning:</c> lines come before it), and return that one snapshot of the
    /// log with the reject lines in it, so the lines counted and the lines explained are the same.
    /// </summary>
    private static async Task<(ImmutableArray<string> Lines, ImmutableArray<string> Rejects)> WaitForRejectsAsync(PrivatePostfixInstance instance, int probes)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var lines = instance.LogLines;
            var rejects = lines.Where(l => l.Contains(": reject: ", StringComparison.Ordinal) || l.Contains(": reject_warning: ", StringComparison.Ordinal)).ToImmutableArray();
            var clients = rejects.Where(l => l.Contains(": reject: ", StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf('[', l.IndexOf(" from ", StringComparison.Ordinal)) + 1)..]).Select(l => l[..l.IndexOf(']')]).Distinct().Count();
            if (clients >= probes || stopwatch.Elapsed > TimeSpan.FromSeconds(60))
            {
                return (lines, rejects);
            }

            await Task.Delay(50);
        }
    }
}
