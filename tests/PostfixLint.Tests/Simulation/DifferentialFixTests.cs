using PostfixLint.Simulation;

namespace PostfixLint.Tests.Simulation;

/// <summary>Semantics found by the differential suite against real Postfix 3.7.11, one test each, with the Postfix source that decides.</summary>
[TestFixture]
public sealed class DifferentialFixTests
{
    private const string Relay = "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination";

    [Test]
    public void An_ipv6_client_skips_a_broken_ipv4_network_in_mynetworks()
    {
        // src/util/match_ops.c match_hostaddr(): "Don't bother matching IPv4 against IPv6" comes before cidr_match_parse(),
        // so 192.168.1.5/24 (host bits set) fails only for IPv4 clients.
        var result = SimulatorFixture.Run(
            "mynetworks = 192.168.1.5/24 [2001:db8:1::5]\n" + Relay,
            new Probe("2001:db8:1::5", "a@example.com", "x@gmail.com") { Helo = "client.example.net" });

        result.RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void An_ipv4_client_fails_the_lookup_at_a_broken_ipv4_network_in_mynetworks()
    {
        var result = SimulatorFixture.Run("mynetworks = 192.168.1.5/24 [2001:db8:1::5]\n" + Relay, SimulatorFixture.Remote());

        result.RcptReply.Should().Be("451 4.3.0 <someone@gmail.com>: Temporary lookup failure");
    }

    [Test]
    public void An_ipv6_client_not_in_mynetworks_is_denied_despite_a_broken_ipv4_network()
    {
        var result = SimulatorFixture.Run(
            "mynetworks = 192.168.1.0/33\n" + Relay,
            new Probe("2001:db8:2::5", "a@example.com", "x@gmail.com") { Helo = "client.example.net" });

        result.RcptReply.Should().Be("554 5.7.1 <x@gmail.com>: Relay access denied");
    }

    [Test]
    public void The_client_name_keeps_its_case_in_replies_while_tables_match_it_case_insensitively()
    {
        // smtpd.c xclient_cmd(): UPDATE_STR(state->name, attr_value), no case folding; the access map folds the key.
        var result = SimulatorFixture.Run(
            "smtpd_relay_restrictions = check_client_access hash:/etc/postfix/client_access, permit_mynetworks, reject_unauth_destination",
            SimulatorFixture.Remote() with { ClientName = "HOST.Example.NET" },
            files: new Dictionary<string, string> { ["client_access"] = "example.net REJECT no hosts from example.net\n" });

        result.RcptReply.Should().Be("554 5.7.1 <HOST.Example.NET[192.168.1.100]>: Client host rejected: no hosts from example.net");
    }

    [Test]
    public void An_unknown_virtual_alias_sender_gets_the_sender_dsn_5_1_7()
    {
        // trivial-rewrite resolves a virtual alias domain to "error:5.1.1 User unknown in virtual alias table";
        // smtpd_dsn_fix() maps X.1.1 for a sender to SND_DSN, 4.1.7 (src/smtpd/smtpd_dsn_fix.c dsn_map[]).
        var result = SimulatorFixture.Run(
            Relay + "\nsmtpd_reject_unlisted_sender = yes\nvirtual_alias_domains = virtual.example\nvirtual_alias_maps = hash:/etc/postfix/virtual",
            SimulatorFixture.Remote(recipient: "root@mail.example.com", sender: "nobody@virtual.example"),
            files: new Dictionary<string, string> { ["virtual"] = "alias@virtual.example root\n" });

        result.RcptReply.Should().Be("550 5.1.7 <nobody@virtual.example>: Sender address rejected: User unknown in virtual alias table");
    }
}
