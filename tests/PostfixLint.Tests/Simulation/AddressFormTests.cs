namespace PostfixLint.Tests.Simulation;

/// <summary>
/// Issue 9 §3 address forms and SMTPUTF8 addresses, as the real Postfix 3.7.11 instance answers them
/// (integration: AddressFormDifferentialTests). Probes never send the SMTPUTF8 parameter of MAIL FROM.
/// </summary>
public sealed class AddressFormTests
{
    private const string Relay = "smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination";

    [TestCase("\"ro\\ot\"@mail.example.com")]
    [TestCase("ro\\ot@mail.example.com")]
    [TestCase("\"root\"@mail.example.com")]
    public void Quoted_pairs_and_backslashes_are_removed_from_the_local_part(string recipient)
    {
        SimulatorFixture.Run(Relay, SimulatorFixture.Remote(recipient)).RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void Comments_are_dropped_from_the_address_without_strict_rfc821_envelopes()
    {
        SimulatorFixture.Run(Relay, SimulatorFixture.Remote("root(comment)@mail.example.com")).RcptReply.Should().Be("250 2.1.5 Ok");
        SimulatorFixture.Run(Relay, SimulatorFixture.Remote("root@mail.example.com", sender: "app(comment)@example.com")).MailFromReply.Should().Be("250 2.1.0 Ok");
    }

    [Test]
    public void Address_with_two_at_signs_is_a_routed_address_refused_as_relaying()
    {
        SimulatorFixture.Run(Relay, SimulatorFixture.Remote("root@x@mail.example.com")).RcptReply.Should().StartWith("554 5.7.1 <root@x@mail.example.com>: Relay access denied");
        SimulatorFixture.Run(Relay, SimulatorFixture.Remote("root@mail.example.com", sender: "a@b@example.com")).RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [TestCase("")]
    [TestCase("\nsmtputf8_enable = no")]
    public void Non_ascii_domain_without_smtputf8_is_bad_address_syntax(string extra)
    {
        SimulatorFixture.Run(Relay + extra, SimulatorFixture.Remote("x@ex\u00e4mple.org")).RcptReply.Should().Be("501 5.1.3 Bad recipient address syntax");
        var sender = SimulatorFixture.Run(Relay + extra, SimulatorFixture.Remote("root@mail.example.com", sender: "j\u00f6rg@ex\u00e4mple.org"));
        sender.MailFromReply.Should().Be("501 5.1.7 Bad sender address syntax");
        sender.RcptReply.Should().BeNull();
    }

    [Test]
    public void Strict_smtputf8_refuses_an_8bit_local_part_with_553()
    {
        var strict = Relay + "\nstrict_smtputf8 = yes";
        SimulatorFixture.Run(strict, SimulatorFixture.Remote("j\u00f6rg@mail.example.com")).RcptReply.Should().Be("553 5.6.7 Must declare SMTPUTF8 to send unicode address");
        SimulatorFixture.Run(strict, SimulatorFixture.Remote("root@mail.example.com", sender: "j\u00f6rg@example.com")).MailFromReply.Should().Be("553 5.6.7 Must declare SMTPUTF8 to send unicode address");

        // extract_addr() runs first: a non-ASCII domain is bad syntax even then.
        SimulatorFixture.Run(strict, SimulatorFixture.Remote("x@ex\u00e4mple.org")).RcptReply.Should().Be("501 5.1.3 Bad recipient address syntax");
    }

    [TestCase("", "550 5.1.1 <j\u00f6rg@mail.example.com>: Recipient address rejected: User unknown in local recipient table")]
    [TestCase("\nsmtputf8_enable = no", "550 5.1.1 <j  rg@mail.example.com>: Recipient address rejected: User unknown in local recipient table")]
    public void Reply_text_keeps_utf8_only_when_smtputf8_enable(string extra, string reply)
    {
        SimulatorFixture.Run(Relay + extra, SimulatorFixture.Remote("j\u00f6rg@mail.example.com")).RcptReply.Should().Be(reply);
    }
}
