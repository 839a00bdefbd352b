using PostfixLint.Simulation;

namespace PostfixLint.Tests.Simulation;

/// <summary>
/// smtpd_chat.c vsmtpd_chat_reply() shapes every reply, whoever made it: smtpd_reject_footer (smtp_reply_footer.c) and
/// soft_bounce. Found by the access-actions stream of the differential suite (seeds 10001–12000).
/// </summary>
public sealed class ReplyShapingTests
{
    private const string Relay = "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination";

    [TestCase("For help, mail postmaster@example.com", "554-5.7.1 <someone@gmail.com>: Relay access denied\n554 5.7.1 For help, mail postmaster@example.com")]
    [TestCase("\\c (client $client_address)", "554 5.7.1 <someone@gmail.com>: Relay access denied (client 192.168.1.100)")]
    [TestCase("line one\\nline two", "554-5.7.1 <someone@gmail.com>: Relay access denied\n554-5.7.1 line one\n554 5.7.1 line two")]
    [TestCase("Contact $myhostname about $client_name", "554-5.7.1 <someone@gmail.com>: Relay access denied\n554 5.7.1 Contact  about unknown")]
    [TestCase("\\c; sender <$sender>, recipient <$recipient>, helo $helo_name", "554 5.7.1 <someone@gmail.com>: Relay access denied; sender <app@example.com>, recipient <>, helo client.example.net")]
    [TestCase("\\c", "554 5.7.1 <someone@gmail.com>: Relay access denied")]
    [TestCase("unbalanced ${name", "554 5.7.1 <someone@gmail.com>: Relay access denied")]
    public void The_reject_footer_is_appended_to_a_refused_recipient(string footer, string reply)
    {
        var result = SimulatorFixture.Run(Relay + "\nsmtpd_reject_footer = " + footer, SimulatorFixture.Remote());

        result.RcptReply.Should().Be(reply);
        result.MailFromReply.Should().Be("250 2.1.0 Ok", "2xx replies get no footer");
    }

    [Test]
    public void The_reject_footer_sees_no_sender_while_mail_from_is_refused()
    {
        var result = SimulatorFixture.Run(
            Relay + "\nsmtpd_helo_required = yes\nsmtpd_reject_footer = \\c (sender <$sender>)", SimulatorFixture.Remote() with { Helo = null });

        result.MailFromReply.Should().Be("503 5.5.1 Error: send HELO/EHLO first (sender <>)");
    }

    [Test]
    public void Soft_bounce_turns_protocol_errors_into_4xx_too()
    {
        var result = SimulatorFixture.Run(Relay + "\nsmtpd_helo_required = yes\nsoft_bounce = yes", SimulatorFixture.Remote() with { Helo = null });

        result.MailFromReply.Should().Be("403 4.5.1 Error: send HELO/EHLO first");
        result.Decision.Should().Be(Decision.Defer);
    }

    [Test]
    public void Soft_bounce_applies_to_the_footer_lines()
    {
        var result = SimulatorFixture.Run(Relay + "\nsoft_bounce = yes\nsmtpd_reject_footer = see the FAQ", SimulatorFixture.Remote());

        result.RcptReply.Should().Be("454-4.7.1 <someone@gmail.com>: Relay access denied\n454 4.7.1 see the FAQ");
        result.Decision.Should().Be(Decision.Defer);
    }

    [TestCase("smtpd_client_restrictions = warn_if_reject, defer_if_permit")]
    [TestCase("smtpd_client_restrictions = warn_if_reject, check_client_access hash:/etc/postfix/client_access")]
    public void Warn_if_reject_logs_a_defer_if_permit_instead_of_raising_the_flag(string clientList)
    {
        // smtpd_check.c DEFER_IF_PERMIT2/3(): under warn_if_reject the deferral goes to smtpd_check_reject() (a warning).
        var result = SimulatorFixture.Run(
            Relay + "\n" + clientList, SimulatorFixture.Remote("root@mail.example.com"),
            files: new Dictionary<string, string> { ["client_access"] = "192.168.1.100 DEFER_IF_PERMIT not now\n" });

        result.RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [TestCase("defer_if_permit", "450 4.7.0 <unknown[192.168.1.100]>: Client host rejected: defer_if_permit requested")]
    [TestCase("check_client_access hash:/etc/postfix/client_access", "450 4.7.1 <unknown[192.168.1.100]>: Client host rejected: not now")]
    public void Defer_if_permit_without_warn_if_reject_still_defers_the_final_permit(string clientList, string reply)
    {
        var result = SimulatorFixture.Run(
            Relay + "\nsmtpd_client_restrictions = " + clientList, SimulatorFixture.Remote("root@mail.example.com"),
            files: new Dictionary<string, string> { ["client_access"] = "192.168.1.100 DEFER_IF_PERMIT not now\n" });

        result.RcptReply.Should().Be(reply);
    }

    [Test]
    public void The_footer_filters_macro_values_through_smtpd_expansion_filter()
    {
        // mac_expand() with smtpd_expansion_filter: each byte outside the filter becomes '_' (real instance, seed 10606).
        var result = SimulatorFixture.Run(Relay + "\nsmtpd_reject_footer = \\c; sender <$sender>", SimulatorFixture.Remote(sender: "j\u00f6rg@example.com"));

        result.RcptReply.Should().Be("554 5.7.1 <someone@gmail.com>: Relay access denied; sender <j__rg@example.com>");
    }

    [TestCase(null, "250 2.1.5 Ok")]
    [TestCase("smtpd_helo_required = yes", "554 5.7.1 <unknown[192.168.1.100]>: Client host rejected: Access denied")]
    public void With_delay_reject_no_the_connect_check_does_not_see_a_later_auth_login(string? extra, string reply)
    {
        // The connect-time client check runs before AUTH (real instance, seeds 10386, 10725, 10835): it refuses the
        // client that permit_sasl_authenticated would let through at RCPT time.
        var connect = SimulatorFixture.Run(
            Relay + "\nsmtpd_sasl_auth_enable = yes\nsmtpd_delay_reject = no\nsmtpd_client_restrictions = permit_sasl_authenticated, reject",
            SimulatorFixture.Remote() with { SaslLogin = "alice" });
        connect.Stage.Should().Be(SmtpStage.Connect);
        connect.ConnectReply.Should().Be("554 5.7.1 <unknown[192.168.1.100]>: Client host rejected: Access denied");

        // A refused EHLO: AUTH still works unless smtpd_helo_required, and then the login never counts.
        var helo = SimulatorFixture.Run(
            Relay + "\nsmtpd_sasl_auth_enable = yes\nsmtpd_delay_reject = no\nsmtpd_helo_restrictions = reject_non_fqdn_helo_hostname\n"
            + "smtpd_sender_restrictions = permit_sasl_authenticated, reject\n" + extra,
            SimulatorFixture.Remote("root@mail.example.com") with { SaslLogin = "alice", Helo = "nodots" });
        helo.Stage.Should().Be(SmtpStage.Helo);
        helo.AuthReply.Should().Be(extra is null ? "235 2.7.0 Authentication successful" : "503 5.5.1 Error: send HELO/EHLO first");
        (helo.RcptReply ?? helo.MailFromReply).Should().Be(extra is null ? reply : "503 5.5.1 Error: send HELO/EHLO first");
    }

    [Test]
    public void A_refused_ehlo_offers_no_starttls_so_the_session_stays_in_plain_text()
    {
        // Real instance, seeds 20084 and 20726: the client that asked for STARTTLS never gets to it.
        var encrypt = SimulatorFixture.Run(
            Relay + "\nsmtpd_tls_security_level = encrypt\nsmtpd_helo_required = yes\nsmtpd_delay_reject = no\nsmtpd_helo_restrictions = reject_non_fqdn_helo_hostname",
            SimulatorFixture.Remote() with { Helo = "nodots", Tls = true });
        encrypt.MailFromReply.Should().Be("530 5.7.0 Must issue a STARTTLS command first");

        var authOnly = SimulatorFixture.Run(
            Relay + "\nsmtpd_sasl_auth_enable = yes\nsmtpd_tls_auth_only = yes\nsmtpd_delay_reject = no\nsmtpd_helo_restrictions = reject_non_fqdn_helo_hostname",
            SimulatorFixture.Remote() with { Helo = "nodots", Tls = true, SaslLogin = "alice" });
        authOnly.AuthReply.Should().Be("503 5.5.1 Error: authentication not enabled");
    }
}
