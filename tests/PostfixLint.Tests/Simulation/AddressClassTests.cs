namespace PostfixLint.Tests.Simulation;

/// <summary>
/// Recipient and sender address classes, as the real Postfix 3.7 instance answers them (integration: the fifth stream of
/// the generated differential cases, ConfigurationGenerator.AddAddressClasses).
/// </summary>
public sealed class AddressClassTests
{
    private const string Relay = "smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination";

    // resolve.c: a domain that is no valid host name (a bare IP address, an empty label) sets RESOLVE_FLAG_ERROR and
    // smtpd_check_addr() refuses the address before any restriction runs (seeds 40189, 40209, 40250, 40346).
    [TestCase("root@127.0.0.1")]
    [TestCase("x@192.168.1.1")]
    [TestCase("x@bad..dots.example")]
    [TestCase("root@[300.1.1.1]")]
    public void Domain_that_is_no_host_name_or_literal_is_bad_address_syntax(string address)
    {
        SimulatorFixture.Run(Relay, SimulatorFixture.Remote(address)).RcptReply.Should().Be("501 5.1.3 Bad recipient address syntax");
        var sender = SimulatorFixture.Run(Relay, SimulatorFixture.Remote("root@mail.example.com", sender: address));
        sender.MailFromReply.Should().Be("501 5.1.7 Bad sender address syntax");
        sender.RcptReply.Should().BeNull();
    }

    // resolve.c: with resolve_numeric_domain a bare IP address is taken as [address], local when it is ours (seed 40027).
    [Test]
    public void Resolve_numeric_domain_makes_a_bare_ip_address_a_literal()
    {
        var numeric = Relay + "\nresolve_numeric_domain = yes";
        SimulatorFixture.Run(numeric, SimulatorFixture.Remote("root@127.0.0.1")).RcptReply.Should().Be("250 2.1.5 Ok");
        SimulatorFixture.Run(numeric, SimulatorFixture.Remote("nosuchuser@127.0.0.1")).RcptReply
            .Should().Be("550 5.1.1 <nosuchuser@127.0.0.1>: Recipient address rejected: User unknown in local recipient table");
        SimulatorFixture.Run(numeric, SimulatorFixture.Remote("x@192.168.1.1")).RcptReply.Should().Be("554 5.7.1 <x@192.168.1.1>: Relay access denied");
    }
}
