using PostfixLint.Simulation;

namespace PostfixLint.Tests.Simulation;

/// <summary>Issue 9 §3 regression tests: replies seen on the real Postfix 3.7.11 instance (the differential suite seeds the same cases).</summary>
public sealed class DialogueTests
{
    private const string Relay = "smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination";

    private static readonly Dictionary<string, string> s_relocated = new()
    {
        ["relocated"] = "moved@mail.example.com new@elsewhere.example\n@relocated.example other.example\nmoved@virtual.example v@elsewhere.example\n",
        ["virtual"] = "alias@virtual.example root\n",
    };

    [TestCase("moved@mail.example.com", "550 5.1.6 <moved@mail.example.com>: Recipient address rejected: User has moved to new@elsewhere.example")]
    [TestCase("x@relocated.example", "550 5.1.6 <x@relocated.example>: Recipient address rejected: User has moved to other.example")]
    [TestCase("moved@virtual.example", "550 5.1.6 <moved@virtual.example>: Recipient address rejected: User has moved to v@elsewhere.example")]
    [TestCase("alias@virtual.example", "250 2.1.5 Ok")]
    public void Relocated_recipients_get_5_1_6_before_the_address_class_table(string recipient, string reply)
    {
        var result = SimulatorFixture.Run(
            Relay + "\nrelocated_maps = hash:/etc/postfix/relocated\nvirtual_alias_domains = virtual.example\nvirtual_alias_maps = hash:/etc/postfix/virtual",
            SimulatorFixture.Remote(recipient) with { Client = "127.0.0.1" }, files: s_relocated);

        result.RcptReply.Should().Be(reply);
    }

    [Test]
    public void Unquoted_white_space_is_bad_address_syntax_even_without_strict_rfc821_envelopes()
    {
        SimulatorFixture.Run(Relay, SimulatorFixture.Remote("a b@mail.example.com")).RcptReply.Should().Be("501 5.1.3 Bad recipient address syntax");
        var sender = SimulatorFixture.Run(Relay, SimulatorFixture.Remote("root@mail.example.com", sender: "a b@example.com"));
        sender.MailFromReply.Should().Be("501 5.1.7 Bad sender address syntax");
        sender.RcptReply.Should().BeNull();
        SimulatorFixture.Run(Relay, SimulatorFixture.Remote("\"a b\"@mail.example.com")).RcptReply.Should().StartWith("550 5.1.1 <a b@mail.example.com>");
    }

    [Test]
    public void Strict_rfc821_envelopes_refuses_text_outside_the_address()
    {
        var strict = Relay + "\nstrict_rfc821_envelopes = yes";

        SimulatorFixture.Run(strict, SimulatorFixture.Remote("root(comment)@mail.example.com")).RcptReply.Should().Be("501 5.1.3 Bad recipient address syntax");
        SimulatorFixture.Run(Relay, SimulatorFixture.Remote("root(comment)@mail.example.com")).RcptReply.Should().NotStartWith("501");
    }

    [Test]
    public void A_source_route_is_stripped_before_the_restrictions()
    {
        var result = SimulatorFixture.Run(Relay, SimulatorFixture.Remote("@a.example:root@mail.example.com"));

        result.RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void Auth_before_starttls_is_not_enabled_under_smtpd_tls_auth_only()
    {
        var config = Relay + "\nsmtpd_sasl_auth_enable = yes\nsmtpd_tls_auth_only = yes";
        var probe = SimulatorFixture.Remote() with { SaslLogin = "alice" };

        var plain = SimulatorFixture.Run(config, probe with { Tls = false });
        plain.AuthReply.Should().Be("503 5.5.1 Error: authentication not enabled");
        plain.RcptReply.Should().Be("554 5.7.1 <someone@gmail.com>: Relay access denied");

        var tls = SimulatorFixture.Run(config, probe with { Tls = true });
        tls.AuthReply.Should().Be("235 2.7.0 Authentication successful");
        tls.RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void An_xclient_login_without_tls_under_smtpd_tls_auth_only_is_known_to_login_checks_but_not_permitted()
    {
        var config = Relay + "\nsmtpd_sasl_auth_enable = yes\nsmtpd_tls_auth_only = yes\nsmtpd_sender_login_maps = inline:{app@example.com=alice}\n"
                     + "smtpd_sender_restrictions = reject_known_sender_login_mismatch";
        var probe = SimulatorFixture.Remote() with { SaslLogin = "bob", Helo = null };

        var result = SimulatorFixture.Run(config, probe);

        result.AuthReply.Should().BeNull();
        result.RcptReply.Should().Be("553 5.7.1 <app@example.com>: Sender address rejected: not owned by user bob");
        SimulatorFixture.Run(config, probe with { Sender = "other@example.com" }).RcptReply.Should().Be("554 5.7.1 <someone@gmail.com>: Relay access denied");
    }

    [Test]
    public void Security_level_encrypt_wants_starttls_before_mail_and_auth()
    {
        var config = Relay + "\nsmtpd_sasl_auth_enable = yes\nsmtpd_tls_security_level = encrypt";
        var probe = SimulatorFixture.Remote() with { SaslLogin = "alice", Tls = false };

        var result = SimulatorFixture.Run(config, probe);

        result.AuthReply.Should().Be("530 5.7.0 Must issue a STARTTLS command first");
        result.MailFromReply.Should().Be("530 5.7.0 Must issue a STARTTLS command first");
        SimulatorFixture.Run(config, probe with { Tls = true }).RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void A_wrapper_mode_listener_is_tls_from_the_start()
    {
        const string MasterCf = "smtp inet n - y - - smtpd\nsmtps inet n - y - - smtpd\n  -o smtpd_tls_wrappermode=yes\n  -o smtpd_sasl_auth_enable=yes\n";
        var config = Relay + "\nsmtpd_tls_auth_only = yes";

        var result = SimulatorFixture.Run(config, SimulatorFixture.Remote() with { SaslLogin = "alice", Service = "smtps" }, MasterCf);

        result.AuthReply.Should().Be("235 2.7.0 Authentication successful");
        result.RcptReply.Should().Be("250 2.1.5 Ok");
    }
}
