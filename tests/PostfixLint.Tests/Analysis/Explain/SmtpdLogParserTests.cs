using PostfixLint.Analysis.Explain;

namespace PostfixLint.Tests.Analysis.Explain;

/// <summary>smtpd reject lines in every timestamp form and every command variant.</summary>
[TestFixture]
public sealed class SmtpdLogParserTests
{
    private const string RelayDenied =
        "NOQUEUE: reject: RCPT from unknown[192.168.1.117]: 554 5.7.1 <x@gmail.com>: Relay access denied; from=<a@example.com> to=<x@gmail.com> proto=ESMTP helo=<pc.example.net>";

    [TestCase("Dec  4 13:22:01 mail postfix/smtpd[812]: ", "Dec  4 13:22:01", TestName = "Reads_the_classic_syslog_form")]
    [TestCase("Dec 14 03:02:01 mail postfix/smtpd[812]: ", "Dec 14 03:02:01", TestName = "Reads_the_classic_syslog_form_with_a_two_digit_day")]
    [TestCase("2026-12-04T13:22:01.123456+00:00 mail postfix/smtpd[812]: ", "2026-12-04T13:22:01.123456+00:00", TestName = "Reads_the_rsyslog_RFC_3339_form")]
    [TestCase("2026-12-04T13:22:01+0000 mail postfix/smtpd[812]: ", "2026-12-04T13:22:01+0000", TestName = "Reads_the_journald_short_iso_form")]
    [TestCase("2026-12-04T13:22:01.123456+0000 mail postfix/smtpd[812]: ", "2026-12-04T13:22:01.123456+0000", TestName = "Reads_the_journald_short_iso_precise_form")]
    [TestCase("<22>1 2026-12-04T13:22:01.123Z mail postfix/smtpd 812 - - ", "2026-12-04T13:22:01.123Z", TestName = "Reads_the_RFC_5424_form")]
    [TestCase("<22>1 2026-12-04T13:22:01.123Z mail postfix/smtpd 812 - [timeQuality tzKnown=\"1\" isSynced=\"1\"] \uFEFF", "2026-12-04T13:22:01.123Z", TestName = "Reads_the_RFC_5424_form_with_structured_data_and_a_BOM")]
    public void Reads_a_relay_reject(string prefix, string timestamp)
    {
        var line = SmtpdLogParser.Parse(prefix + RelayDenied);

        line.Should().NotBeNull();
        line!.Timestamp.Should().Be(timestamp);
        line.SyslogName.Should().Be("postfix");
        line.Program.Should().Be("smtpd");
        line.Pid.Should().Be("812");
        var reject = line.Reject!;
        reject.Should().NotBeNull();
        reject.QueueId.Should().Be("NOQUEUE");
        reject.Warning.Should().BeFalse();
        reject.Command.Should().Be(LoggedCommand.Rcpt);
        reject.ClientName.Should().BeNull();
        reject.ClientAddress.Should().Be("192.168.1.117");
        reject.Reply.Should().Be("554 5.7.1 <x@gmail.com>: Relay access denied");
        reject.From.Should().Be("a@example.com");
        reject.To.Should().Be("x@gmail.com");
        reject.Proto.Should().Be("ESMTP");
        reject.Helo.Should().Be("pc.example.net");
    }

    [TestCase("Fri 2026-12-04 13:22:01 UTC mail postfix/smtpd[812]: ", "Fri 2026-12-04 13:22:01 UTC", TestName = "Reads_the_journald_short_full_form")]
    [TestCase("1764854521.123456 mail postfix/smtpd[812]: ", "1764854521.123456", TestName = "Reads_the_journald_short_unix_form")]
    [TestCase("[ 1234.567890] mail postfix/smtpd[812]: ", "[ 1234.567890]", TestName = "Reads_the_journald_short_monotonic_form")]
    [TestCase("postfix/smtpd[812]: ", "", TestName = "Reads_a_line_cut_down_to_its_tag")]
    public void Reads_a_relay_reject_in_the_other_journald_forms(string prefix, string timestamp)
    {
        var line = SmtpdLogParser.Parse(prefix + RelayDenied)!;

        line.Should().NotBeNull();
        line.Timestamp.Should().Be(timestamp);
        line.SyslogName.Should().Be("postfix");
        line.Pid.Should().Be("812");
        line.Reject!.Reply.Should().Be("554 5.7.1 <x@gmail.com>: Relay access denied");
        line.Reject.To.Should().Be("x@gmail.com");
    }

    [Test]
    public void Reads_a_bare_reject_message_as_plain_smtpd()
    {
        var line = SmtpdLogParser.Parse(RelayDenied)!;

        line.Should().NotBeNull();
        line.SyslogName.Should().Be("postfix");
        line.Program.Should().Be("smtpd");
        line.Reject!.ClientAddress.Should().Be("192.168.1.117");
        SmtpdLogParser.Parse("Relay access denied").Should().BeNull();
        SmtpdLogParser.Parse("postfix/cleanup[9]: " + RelayDenied).Should().BeNull("a tag names the program, and only smtpd's lines are read");
    }

    [Test]
    public void The_syslog_tag_gives_the_syslog_name_of_the_service()
    {
        SmtpdLogParser.Parse("Dec  4 13:22:01 mail postfix/submission/smtpd[9]: " + RelayDenied)!.SyslogName.Should().Be("postfix/submission");
        SmtpdLogParser.Parse("2026-12-04T13:22:01+0000 mail postfix-out/smtpd[9]: " + RelayDenied)!.SyslogName.Should().Be("postfix-out");
    }

    [Test]
    public void Reads_a_connect_reject_without_envelope()
    {
        var reject = SmtpdLogParser.ParseReject("NOQUEUE: reject: CONNECT from unknown[192.0.2.1]: 554 5.7.1 <unknown[192.0.2.1]>: Client host rejected: Access denied; proto=SMTP")!;

        reject.Command.Should().Be(LoggedCommand.Connect);
        reject.From.Should().BeNull();
        reject.To.Should().BeNull();
        reject.Helo.Should().BeNull();
        reject.Reply.Should().Be("554 5.7.1 <unknown[192.0.2.1]>: Client host rejected: Access denied");
    }

    [Test]
    public void Reads_an_xclient_reject_as_a_connect_reject()
    {
        // Logged by the real instance when an XCLIENT proxy names a client that smtpd_client_restrictions refuse at connect.
        var reject = SmtpdLogParser.ParseReject("NOQUEUE: reject: XCLIENT from unknown[192.0.2.31]: 554 5.7.1 <unknown[192.0.2.31]>: Client host rejected: go away; proto=SMTP")!;

        reject.Command.Should().Be(LoggedCommand.Connect);
        reject.ClientAddress.Should().Be("192.0.2.31");
        reject.Reply.Should().Be("554 5.7.1 <unknown[192.0.2.31]>: Client host rejected: go away");
    }

    [Test]
    public void Reads_helo_and_ehlo_rejects_as_helo()
    {
        SmtpdLogParser.ParseReject("NOQUEUE: reject: EHLO from unknown[192.0.2.20]: 504 5.5.2 <nodots>: Helo command rejected: need fully-qualified hostname; proto=SMTP helo=<nodots>")!
            .Should().Match<LoggedReject>(r => r.Command == LoggedCommand.Helo && r.Helo == "nodots" && r.From == null);
        SmtpdLogParser.ParseReject("NOQUEUE: reject: HELO from unknown[192.0.2.20]: 504 5.5.2 <nodots>: Helo command rejected: need fully-qualified hostname; proto=SMTP helo=<nodots>")!
            .Command.Should().Be(LoggedCommand.Helo);
    }

    [Test]
    public void Reads_a_mail_reject_with_the_null_sender()
    {
        var reject = SmtpdLogParser.ParseReject("NOQUEUE: reject: MAIL from mx.example.net[192.0.2.21]: 553 5.7.1 <>: Sender address rejected: no bounces; from=<> proto=ESMTP helo=<mx.example.net>")!;

        reject.Command.Should().Be(LoggedCommand.Mail);
        reject.ClientName.Should().Be("mx.example.net");
        reject.From.Should().Be("");
        reject.To.Should().BeNull();
    }

    [Test]
    public void Reads_a_data_reject_with_a_queue_id()
    {
        var reject = SmtpdLogParser.ParseReject("4Q3xYz1AbcZ9: reject: DATA from unknown[192.0.2.5]: 554 5.5.1 Error: no valid recipients; from=<a@example.com> to=<b@example.com> proto=ESMTP helo=<h.example.net>")!;

        reject.Command.Should().Be(LoggedCommand.Data);
        reject.QueueId.Should().Be("4Q3xYz1AbcZ9");
    }

    [Test]
    public void Reads_a_reject_warning()
    {
        var reject = SmtpdLogParser.ParseReject("NOQUEUE: reject_warning: RCPT from unknown[192.0.2.10]: 450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.10]; from=<a@example.com> to=<x@gmail.com> proto=ESMTP helo=<c.example.net>")!;

        reject.Warning.Should().BeTrue();
        reject.Reply.Should().Be("450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.10]");
    }

    [Test]
    public void Reads_an_ipv6_client_with_port_logging_and_a_reply_that_holds_semicolons()
    {
        var reject = SmtpdLogParser.ParseReject(
            "NOQUEUE: reject: RCPT from unknown[2001:db8::25]:51234: 554 5.7.1 Service unavailable; Client host [2001:db8::25] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/2001:db8::25; from=<a@example.com> to=<b@example.com> proto=ESMTP helo=<[IPv6:2001:db8::25]>")!;

        reject.ClientAddress.Should().Be("2001:db8::25");
        reject.Reply.Should().Be("554 5.7.1 Service unavailable; Client host [2001:db8::25] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/2001:db8::25");
        reject.Helo.Should().Be("[IPv6:2001:db8::25]");
    }

    [Test]
    public void A_warning_line_is_a_line_without_reject()
    {
        var line = SmtpdLogParser.Parse("Dec  4 13:22:01 mail postfix/smtpd[812]: warning: hash:/etc/postfix/access is unavailable. open database /etc/postfix/access.db: No such file or directory")!;

        line.IsWarning.Should().BeTrue();
        line.Reject.Should().BeNull();
    }

    [TestCase("Dec  4 13:22:01 mail postfix/postscreen[7]: NOQUEUE: reject: RCPT from [192.0.2.1]:4711: 550 5.7.1 Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org; from=<a@b.example>, to=<c@d.example>, proto=ESMTP, helo=<x>")]
    [TestCase("Dec  4 13:22:01 mail postfix/smtpd[812]: connect from unknown[192.0.2.1]")]
    [TestCase("Dec  4 13:22:01 mail dovecot[81]: imap-login: Login: user=<a>")]
    [TestCase("not a log line at all")]
    [TestCase("")]
    public void Other_lines_are_not_smtpd_rejects(string text)
    {
        SmtpdLogParser.Parse(text)?.Reject.Should().BeNull();
    }
}
