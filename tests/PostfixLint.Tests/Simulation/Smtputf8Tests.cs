using PostfixLint.Simulation;
using PostfixLint.Simulation.Checks;

namespace PostfixLint.Tests.Simulation;

/// <summary>
/// Issue 9 §3 SMTPUTF8 addresses: the MAIL FROM parameter, UTF-8 domains and IDNA, as the real Postfix 3.7.11 instance
/// answers them (integration: Smtputf8DifferentialTests).
/// </summary>
public sealed class Smtputf8Tests
{
    private const string Relay = "smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination\n";
    private const string Domains = Relay + "mydestination = $myhostname, localhost, b\u00fccher.example, xn--mnchen-3ya.example\nrelay_domains = stra\u00dfe.example\n";

    private static Probe Utf8(string recipient, string sender = "app@example.com") => SimulatorFixture.Remote(recipient, sender) with { Smtputf8 = true };

    [Test]
    public void Smtputf8_parameter_is_an_unsupported_option_when_smtputf8_enable_is_off()
    {
        var result = SimulatorFixture.Run(Relay + "smtputf8_enable = no", Utf8("root@mail.example.com"));

        result.MailFromReply.Should().Be("555 5.5.4 Unsupported option: SMTPUTF8");
        result.Stage.Should().Be(SmtpStage.Mail);
        result.Notes.Should().Contain(n => n.Contains("EHLO does not offer SMTPUTF8", StringComparison.Ordinal));
    }

    [Test]
    public void Smtputf8_parameter_is_an_unsupported_option_when_the_ehlo_keyword_is_discarded()
    {
        SimulatorFixture.Run(Relay + "smtpd_discard_ehlo_keywords = silent-discard, smtputf8", Utf8("root@mail.example.com"))
            .MailFromReply.Should().Be("555 5.5.4 Unsupported option: SMTPUTF8");
    }

    [Test]
    public void Address_syntax_is_checked_before_the_unsupported_smtputf8_parameter()
    {
        SimulatorFixture.Run(Relay + "smtputf8_enable = no", Utf8("root@mail.example.com", sender: "app@ex\u00e4mple.org"))
            .MailFromReply.Should().Be("501 5.1.7 Bad sender address syntax");
    }

    [Test]
    public void Utf8_domain_with_smtputf8_matches_its_u_label_in_mydestination_case_insensitively()
    {
        SimulatorFixture.Run(Domains, Utf8("root@b\u00fccher.example")).RcptReply.Should().Be("250 2.1.5 Ok");
        SimulatorFixture.Run(Domains, Utf8("root@B\u00dcCHER.Example")).RcptReply.Should().Be("250 2.1.5 Ok");
        SimulatorFixture.Run(Domains, Utf8("app@ex\u00e4mple.org") with { Recipient = "root@mail.example.com" }).MailFromReply.Should().Be("250 2.1.0 Ok");
    }

    [TestCase("root@xn--bcher-kva.example")]
    [TestCase("root@m\u00fcnchen.example")]
    [TestCase("x@xn--strae-oqa.example")]
    public void A_u_label_and_its_a_label_never_match_each_other(string recipient)
    {
        SimulatorFixture.Run(Domains, Utf8(recipient)).RcptReply.Should().StartWith("554 5.7.1 <" + recipient + ">: Relay access denied");
    }

    [Test]
    public void A_domain_that_casefolds_to_ascii_passes_without_smtputf8_and_matches_relay_domains()
    {
        // smtpd_resolve.c casefolds the resolved address (ß is ss) before smtpd_check_addr() tests it for ASCII.
        SimulatorFixture.Run(Domains, SimulatorFixture.Remote("x@stra\u00dfe.example")).RcptReply.Should().Be("250 2.1.5 Ok");
        SimulatorFixture.Run(Domains, SimulatorFixture.Remote("x@STRASSE.example")).RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void Without_utf8_support_casefolding_is_ascii_only()
    {
        var off = Domains + "smtputf8_enable = no";
        SimulatorFixture.Run(off, SimulatorFixture.Remote("x@stra\u00dfe.example")).RcptReply.Should().Be("501 5.1.3 Bad recipient address syntax");
        SimulatorFixture.Run(off, SimulatorFixture.Remote("x@STRASSE.example")).RcptReply.Should().StartWith("554 5.7.1 <x@STRASSE.example>: Relay access denied");
    }

    [TestCase("x@-b\u00fccher.example")]
    [TestCase("x@\u0308a.example")]
    [TestCase("x@b\u00fc\u00a0cher.example")]
    [TestCase("x@ab--\u00fc.example")]
    public void A_domain_idna_refuses_is_bad_address_syntax_even_with_smtputf8(string recipient)
    {
        SimulatorFixture.Run(Domains, Utf8(recipient)).RcptReply.Should().Be("501 5.1.3 Bad recipient address syntax");
    }

    [Test]
    public void Trivial_rewrite_without_utf8_refuses_utf8_domains_even_when_the_listener_enables_smtputf8()
    {
        const string master = "smtp      inet  n       -       y       -       -       smtpd\n  -o smtputf8_enable=yes\n";
        var result = SimulatorFixture.Run(Domains + "smtputf8_enable = no", Utf8("root@b\u00fccher.example"), master);

        result.MailFromReply.Should().Be("250 2.1.0 Ok");
        result.RcptReply.Should().Be("501 5.1.3 Bad recipient address syntax");
        result.Notes.Should().Contain(n => n.Contains("trivial-rewrite runs with smtputf8_enable = no", StringComparison.Ordinal));
    }

    [Test]
    public void Strict_smtputf8_lets_declared_utf8_addresses_through()
    {
        var strict = Relay + "strict_smtputf8 = yes";
        SimulatorFixture.Run(strict, Utf8("root@mail.example.com", sender: "j\u00f6rg@example.com")).RcptReply.Should().Be("250 2.1.5 Ok");
        SimulatorFixture.Run(strict, Utf8("j\u00f6rg@mail.example.com")).RcptReply.Should().StartWith("550 5.1.1 <j\u00f6rg@mail.example.com>: Recipient address rejected: User unknown");
    }

    [Test]
    public void Strict_smtputf8_is_tested_after_the_sender_restrictions_without_delay()
    {
        var noDelay = Relay + "strict_smtputf8 = yes\nsmtpd_delay_reject = no\nsmtpd_sender_restrictions = reject_unlisted_sender";
        SimulatorFixture.Run(noDelay, SimulatorFixture.Remote("root@mail.example.com", sender: "j\u00f6rg@mail.example.com"))
            .MailFromReply.Should().StartWith("550 5.1.0 <j\u00f6rg@mail.example.com>: Sender address rejected: User unknown");
    }

    [Test]
    public void Utf8_helo_name_is_fully_qualified_only_after_mail_from_with_smtputf8()
    {
        var helo = Relay + "smtpd_helo_restrictions = reject_non_fqdn_helo_hostname";
        SimulatorFixture.Run(helo, Utf8("root@mail.example.com") with { Helo = "b\u00fccher.example" }).RcptReply.Should().Be("250 2.1.5 Ok");
        SimulatorFixture.Run(helo, SimulatorFixture.Remote("root@mail.example.com") with { Helo = "b\u00fccher.example" })
            .RcptReply.Should().Be("504 5.5.2 <b\u00fccher.example>: Helo command rejected: need fully-qualified hostname");
    }

    [Test]
    public void Helo_name_is_kept_as_printable_with_question_marks_without_utf8_support()
    {
        var helo = Relay + "smtputf8_enable = no\nsmtpd_helo_restrictions = reject_non_fqdn_helo_hostname";
        SimulatorFixture.Run(helo, SimulatorFixture.Remote("root@mail.example.com") with { Helo = "b\u00fccher.example" })
            .RcptReply.Should().Be("504 5.5.2 <b??cher.example>: Helo command rejected: need fully-qualified hostname");
    }

    [TestCase("", "554 5.7.1 <j\u00f6rg@mail.example.com>: Recipient address rejected: f\u00fcr dich nicht")]
    [TestCase("smtputf8_enable = no", "554 5.7.1 <j  rg@mail.example.com>: Recipient address rejected: f  r dich nicht")]
    public void Utf8_access_table_keys_match_utf8_addresses_and_their_reply_text_is_printable(string extra, string reply)
    {
        var access = "smtpd_relay_restrictions = check_recipient_access hash:/etc/postfix/access, permit_mynetworks, reject_unauth_destination\n" + extra;
        var files = new Dictionary<string, string> { ["access"] = "j\u00f6rg@mail.example.com REJECT f\u00fcr dich nicht\nstrasse.example REJECT folded\n" };

        SimulatorFixture.Run(access, SimulatorFixture.Remote("j\u00f6rg@mail.example.com"), files: files).RcptReply.Should().Be(reply);
    }

    [Test]
    public void A_utf8_key_that_casefolds_to_ascii_finds_the_ascii_table_entry()
    {
        var access = "smtpd_relay_restrictions = check_recipient_access hash:/etc/postfix/access, permit_mynetworks, reject_unauth_destination\n";
        var files = new Dictionary<string, string> { ["access"] = "strasse.example REJECT folded\n" };

        SimulatorFixture.Run(access, SimulatorFixture.Remote("x@stra\u00dfe.example"), files: files).RcptReply.Should().Be("554 5.7.1 <x@stra\u00dfe.example>: Recipient address rejected: folded");
    }

    [TestCase("b\u00fccher.example", "xn--bcher-kva.example")]
    [TestCase("B\u00dcCHER.example", "xn--bcher-kva.example")]
    [TestCase("stra\u00dfe.example", "xn--strae-oqa.example")]
    [TestCase("m\u00fcnchen.example", "xn--mnchen-3ya.example")]
    [TestCase("\u0645\u062b\u0627\u0644.example", "xn--mgbh0fb.example")]
    [TestCase("\u4f8b\u3048.\u30c6\u30b9\u30c8", "xn--r8jz45g.xn--zckzah")]
    [TestCase("\u2603.example", "xn--n3h.example")]
    [TestCase("-b\u00fccher.example", null)]
    [TestCase("b\u00fccher-.example", null)]
    [TestCase("b\u00fc..example", null)]
    [TestCase("\u0308a.example", null)]
    public void Midna_domain_to_ascii_converts_as_uts46_nontransitional(string name, string? ascii)
    {
        MidnaDomain.ToAscii(name).Should().Be(ascii);
    }
}
