using PostfixLint.Analysis.Explain;
using PostfixLint.Model;

namespace PostfixLint.Tests.Analysis.Explain;

/// <summary>From a logged reject to the probe, the simulated reply, the cause and the check rule.</summary>
[TestFixture]
public sealed class LogExplainerTests
{
    private const string Base = "compatibility_level = 3.6\nmyhostname = mail.example.com\nmydestination = $myhostname, localhost\nmynetworks = 127.0.0.0/8 192.168.1.0/24\n";

    [Test]
    public void Explains_relay_access_denied_with_the_line_to_change()
    {
        var explainer = Explainer(Base + "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n");

        var explanation = Explain(explainer, "Dec  4 13:22:01 mail postfix/smtpd[812]: NOQUEUE: reject: RCPT from unknown[192.0.2.117]: 554 5.7.1 <x@gmail.com>: Relay access denied; from=<a@example.com> to=<x@gmail.com> proto=ESMTP helo=<pc.example.net>");

        explanation.Reproduced.Should().BeTrue(explanation.Difference);
        explanation.Service.Should().Be("smtp");
        explanation.Result.Probe.Should().Match<PostfixLint.Simulation.Probe>(p => p.Client == "192.0.2.117" && p.Sender == "a@example.com" && p.Recipient == "x@gmail.com" && p.Helo == "pc.example.net" && p.ClientName == null);
        explanation.Cause.Should().StartWith("Relay access denied: not in mynetworks (main.cf:4)");
        explanation.Location.Should().Be("main.cf:4");
    }

    [Test]
    public void Names_the_check_rule_that_addresses_the_cause()
    {
        var explainer = Explainer(Base + "smtpd_relay_restrictions = reject_unauth_destination, permit_mynetworks\n");

        var explanation = Explain(explainer, "2026-12-04T13:22:01+0000 mail postfix/smtpd[812]: NOQUEUE: reject: RCPT from unknown[192.168.1.5]: 554 5.7.1 <x@gmail.com>: Relay access denied; from=<a@example.com> to=<x@gmail.com> proto=ESMTP helo=<pc.example.net>");

        explanation.Reproduced.Should().BeTrue();
        explanation.Rules.Should().Contain("PFL203 permit-after-reject-unauth-destination");
    }

    [Test]
    public void Reproduces_a_connect_reject_when_client_restrictions_are_not_delayed()
    {
        var explainer = Explainer(Base + "smtpd_delay_reject = no\nsmtpd_client_restrictions = permit_mynetworks, reject\n");

        var explanation = Explain(explainer, "<22>1 2026-12-04T13:22:01Z mail postfix/smtpd 812 - - NOQUEUE: reject: CONNECT from unknown[192.0.2.1]: 554 5.7.1 <unknown[192.0.2.1]>: Client host rejected: Access denied; proto=SMTP");

        explanation.SimulatedReply.Should().Be("554 5.7.1 <unknown[192.0.2.1]>: Client host rejected: Access denied");
        explanation.Reproduced.Should().BeTrue();
        explanation.Cause.Should().Contain("an unconditional reject in smtpd_client_restrictions (main.cf:6)");
    }

    [Test]
    public void Says_what_differs_when_the_configuration_changed_since()
    {
        var explainer = Explainer(Base + "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n");

        var explanation = Explain(explainer, "Dec  4 13:22:01 mail postfix/smtpd[812]: NOQUEUE: reject: RCPT from unknown[192.168.1.5]: 554 5.7.1 <x@gmail.com>: Relay access denied; from=<a@example.com> to=<x@gmail.com> proto=ESMTP helo=<pc.example.net>");

        explanation.Reproduced.Should().BeFalse();
        explanation.SimulatedReply.Should().Be("250 2.1.5 Ok");
        explanation.Difference.Should().Contain("the simulator accepts").And.Contain("the configuration changed since");
    }

    [Test]
    public void A_data_reject_is_not_simulated_and_says_so()
    {
        var explainer = Explainer(Base);

        var explanation = Explain(explainer, "Dec  4 13:22:01 mail postfix/smtpd[812]: 4Q3xYz1AbcZ9: reject: DATA from unknown[192.0.2.5]: 554 5.5.1 Error: no valid recipients; from=<a@example.com> to=<b@example.com> proto=ESMTP helo=<h.example.net>");

        explanation.Reproduced.Should().BeFalse();
        explanation.Difference.Should().StartWith("DATA is not simulated");
    }

    [Test]
    public void The_service_comes_from_the_syslog_name_including_master_cf_overrides()
    {
        const string master = """
            smtp      inet  n       -       y       -       -       smtpd
            submission inet n       -       y       -       -       smtpd
              -o syslog_name=postfix/submission
            smtps     inet  n       -       y       -       -       smtpd
              -o syslog_name=postfix/$service_name
            2525      inet  n       -       y       -       -       smtpd
              -o syslog_name=postfix-alt

            """;
        var explainer = Explainer(Base, master);

        explainer.ServiceOf("postfix").Should().Be("smtp");
        explainer.ServiceOf("postfix/submission").Should().Be("submission");
        explainer.ServiceOf("postfix/smtps").Should().Be("smtps");
        explainer.ServiceOf("postfix-alt").Should().Be("2525");
    }

    [Test]
    public void A_summary_groups_by_cause_and_client_most_frequent_first_and_counts_skipped_lines()
    {
        var summary = new LogSummary(Explainer(Base + "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n"));
        string Line(string client) =>
            $"Dec  4 13:22:01 mail postfix/smtpd[812]: NOQUEUE: reject: RCPT from unknown[{client}]: 554 5.7.1 <x@gmail.com>: Relay access denied; from=<a@example.com> to=<x@gmail.com> proto=ESMTP helo=<pc.example.net>";

        foreach (var line in new[] { Line("192.0.2.1"), "Dec  4 13:22:01 mail postfix/smtpd[812]: connect from unknown[192.0.2.2]", Line("192.0.2.2"), Line("192.0.2.2"), "junk" })
        {
            summary.Add(line);
        }

        summary.Lines.Should().Be(5);
        summary.Skipped.Should().Be(2);
        summary.Rejects.Should().Be(3);
        summary.Reproduced.Should().Be(3);
        summary.Groups().Select(g => (g.Count, g.Client)).Should().Equal((2L, "192.0.2.2"), (1L, "192.0.2.1"));
    }

    [Test]
    public void Warning_lines_of_the_same_process_go_with_its_next_reject()
    {
        var summary = new LogSummary(Explainer(Base + "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n"));

        summary.Add("Dec  4 13:22:01 mail postfix/smtpd[812]: warning: hostname pc.example.net does not resolve to address 192.0.2.1");
        summary.Add("Dec  4 13:22:01 mail postfix/smtpd[999]: warning: another process");
        var explanation = summary.Add("Dec  4 13:22:01 mail postfix/smtpd[812]: NOQUEUE: reject: RCPT from unknown[192.0.2.1]: 554 5.7.1 <x@gmail.com>: Relay access denied; from=<a@example.com> to=<x@gmail.com> proto=ESMTP helo=<pc.example.net>");

        explanation!.LoggedWarnings.Should().Equal("hostname pc.example.net does not resolve to address 192.0.2.1");
    }

    [Test]
    public void A_million_line_log_is_summarised_in_bounded_memory()
    {
        var summary = new LogSummary(Explainer(Base + "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n"));
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        for (var i = 0; i < 1_000_000; i++)
        {
            // Every tenth line a reject, from 20,000 distinct clients: more groups than are kept.
            summary.Add(i % 10 == 0
                ? $"Dec  4 13:22:01 mail postfix/smtpd[{i % 97}]: NOQUEUE: reject: RCPT from unknown[10.{i / 65536 % 4}.{i / 256 % 256}.{i % 256}]: 554 5.7.1 <x@gmail.com>: Relay access denied; from=<a@example.com> to=<x@gmail.com> proto=ESMTP helo=<pc.example.net>"
                : $"Dec  4 13:22:01 mail postfix/smtpd[{i % 97}]: disconnect from unknown[10.0.0.{i % 256}] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4");
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        TestContext.Out.WriteLine($"1,000,000 lines in {seconds:0.00} s: {1_000_000 / seconds:0} lines/s, {(after - before) / 1024} KiB retained");

        summary.Lines.Should().Be(1_000_000);
        summary.Rejects.Should().Be(100_000);
        summary.Groups().Length.Should().BeLessThanOrEqualTo(LogSummary.GroupLimit);
        (summary.Groups().Sum(g => g.Count) + summary.Overflow).Should().Be(100_000);
        (after - before).Should().BeLessThan(64L * 1024 * 1024, "memory is bounded by the group limit and the explainer's cache, not by the log");
    }

    [Test]
    public void A_logged_utf8_domain_implies_the_smtputf8_parameter()
    {
        var explainer = Explainer(Base + "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n");

        var explanation = Explain(explainer, "Dec  4 13:22:01 mail postfix/smtpd[812]: NOQUEUE: reject: RCPT from unknown[192.0.2.117]: 554 5.7.1 <x@ex\u00e4mple.org>: Relay access denied; from=<a@example.com> to=<x@ex\u00e4mple.org> proto=ESMTP helo=<pc.example.net>");

        explanation.Result.Probe.Smtputf8.Should().BeTrue("without SMTPUTF8 smtpd refuses the domain before any restriction, with no reject line");
        explanation.Reproduced.Should().BeTrue(explanation.Difference);
    }

    [Test]
    public void A_log_file_read_one_char_per_byte_gives_decoded_utf8_addresses()
    {
        var explainer = Explainer(Base + "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n");
        var bytes = System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes(
            "Dec  4 13:22:01 mail postfix/smtpd[812]: NOQUEUE: reject: RCPT from unknown[192.0.2.117]: 554 5.7.1 <x@ex\u00e4mple.org>: Relay access denied; from=<j\u00f6rg@example.com> to=<x@ex\u00e4mple.org> proto=ESMTP helo=<pc.example.net>"));

        var explanation = Explain(explainer, bytes);

        explanation.Result.Probe.Recipient.Should().Be("x@ex\u00e4mple.org");
        explanation.Result.Probe.Sender.Should().Be("j\u00f6rg@example.com");
        explanation.Reproduced.Should().BeTrue(explanation.Difference);
    }

    [Test]
    public void A_logged_utf8_local_part_under_strict_smtputf8_implies_the_smtputf8_parameter()
    {
        var explainer = Explainer(Base + "strict_smtputf8 = yes\nsmtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n");
        const string line = "Dec  4 13:22:01 mail postfix/smtpd[812]: NOQUEUE: reject: RCPT from unknown[192.0.2.117]: 554 5.7.1 <x@gmail.com>: Relay access denied; from=<j\u00f6rg@example.com> to=<x@gmail.com> proto=ESMTP helo=<pc.example.net>";

        var explanation = Explain(explainer, line);

        explanation.Result.Probe.Smtputf8.Should().BeTrue("strict_smtputf8 answers 553 to an undeclared UTF-8 address, with no reject line");
        explanation.Reproduced.Should().BeTrue(explanation.Difference);
        Explain(Explainer(Base + "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n"), line).Result.Probe.Smtputf8.Should().BeFalse();
    }

    // An RBL before the relay check and a DNS check of the sender domain: the simulator can't ask DNS, but a logged reject
    // shows how far the real session got.
    private const string DnsChecks = Base + "alias_maps =\nsmtpd_client_restrictions = permit_mynetworks, reject_rbl_client zen.spamhaus.org=127.0.0.[2..11]\n"
        + "smtpd_sender_restrictions = reject_unknown_sender_domain\nsmtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n";

    [Test]
    public void Reproduces_a_reject_logged_after_DNS_checks_taking_them_not_to_have_decided()
    {
        var explanation = Explain(Explainer(DnsChecks), "Dec  4 13:22:01 mail postfix/smtpd[812]: NOQUEUE: reject: RCPT from mx.example.org[203.0.113.6]: 554 5.7.1 <x@gmail.com>: Relay access denied; from=<a@example.org> to=<x@gmail.com> proto=ESMTP helo=<mx.example.org>");

        explanation.Reproduced.Should().BeTrue(explanation.Difference);
        explanation.Cause.Should().Contain("reject_unauth_destination in smtpd_relay_restrictions");
        explanation.Result.Trace.Should().Contain(t => t.Restriction.StartsWith("reject_rbl_client", StringComparison.Ordinal)
            && t.Notes.Any(n => n.StartsWith(PostfixLint.Simulation.RelaySimulator.ExternalAssumedNote, StringComparison.Ordinal)));
    }

    [TestCase("450 4.1.8 <a@nonexist.example>: Sender address rejected: Domain not found", "a@nonexist.example", "reject_unknown_sender_domain in smtpd_sender_restrictions, main.cf:7", TestName = "Names_the_DNS_check_of_the_sender_domain_a_logged_reject_comes_from")]
    [TestCase("554 5.7.1 Service unavailable; Client host [203.0.113.6] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.6", "a@example.org", "reject_rbl_client zen.spamhaus.org=127.0.0.[2..11] in smtpd_client_restrictions, main.cf:6", TestName = "Names_the_block_list_a_logged_reject_comes_from")]
    public void Names_the_DNS_check_a_logged_reject_comes_from(string reply, string sender, string where)
    {
        var explanation = Explain(Explainer(DnsChecks), $"Dec  4 13:22:01 mail postfix/smtpd[812]: NOQUEUE: reject: RCPT from mx.example.org[203.0.113.6]: {reply}; from=<{sender}> to=<root@mail.example.com> proto=ESMTP helo=<mx.example.org>");

        explanation.Reproduced.Should().BeFalse("the simulator cannot know a DNS answer");
        explanation.Cause.Should().Contain(where);
        explanation.Location.Should().Be(where[(where.LastIndexOf(' ') + 1)..]);
        explanation.Difference.Should().Contain("whose answer the simulator cannot know").And.Contain("the log shows it refused");
    }

    private static LogExplanation Explain(LogExplainer explainer, string line)
    {
        var parsed = SmtpdLogParser.Parse(line);
        parsed.Should().NotBeNull();
        parsed!.Reject.Should().NotBeNull();
        return explainer.Explain(parsed.Reject!, parsed.SyslogName);
    }

    private static LogExplainer Explainer(string mainCf, string? masterCf = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pfl-explain-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "main.cf"), mainCf);
        if (masterCf is not null)
        {
            File.WriteAllText(Path.Combine(directory, "master.cf"), masterCf);
        }

        return new LogExplainer(PostfixConfig.Load(directory), new PostfixLint.Simulation.SimulatorOptions { NoPasswd = true });
    }
}
