using System.Collections.Immutable;
using System.Net;
using PostfixLint.Model.Catalog;

namespace PostfixLint.Tests.Catalog;

/// <summary>ComputedDefaults on synthetic hosts; the expected values were observed with postconf 3.7.11 under unshare -u.</summary>
[TestFixture]
public sealed class ComputedDefaultsTests
{
    private static readonly HostFacts _host = new(
        "vm",
        [
            new HostInterfaceAddress("lo", IPAddress.Parse("127.0.0.1"), 8),
            new HostInterfaceAddress("eth0", IPAddress.Parse("192.0.2.2"), 24),
            new HostInterfaceAddress("eth1", IPAddress.Parse("172.16.5.9"), 12),
            new HostInterfaceAddress("lo", IPAddress.Parse("::1"), 128),
            new HostInterfaceAddress("eth0", IPAddress.Parse("fd00::2"), 64),
            new HostInterfaceAddress("eth0", IPAddress.Parse("fe80::fc:ff:fe00:1"), 64),
        ],
        4242);

    [TestCase("vm", null, "vm.localdomain", "localdomain")]
    [TestCase("plain", "example.net", "plain.example.net", "example.net")]
    [TestCase("other.example.org", null, "other.example.org", "example.org")]
    [TestCase("a.b", null, "a.b", "b")]
    [TestCase("a.b.c", "ignored.example", "a.b.c", "b.c")]
    public void Myhostname_and_mydomain_follow_postconf(string hostName, string? mydomain, string myhostname, string domain)
    {
        var host = _host with { HostName = hostName };

        var computed = ComputedDefaults.MyHostname(host, mydomain);

        computed.Should().Be(myhostname);
        ComputedDefaults.MyDomain(computed).Should().Be(domain);
    }

    [Test]
    public void Mydomain_comes_from_an_explicit_myhostname()
    {
        ComputedDefaults.MyDomain("x.y").Should().Be("y");
        ComputedDefaults.MyDomain("mail").Should().Be("localdomain");
    }

    [TestCase("subnet", "all", "all", "127.0.0.0/8 192.0.2.0/24 172.16.0.0/12 [::1]/128 [fd00::]/64 [fe80::]/64")]
    [TestCase("host", "all", "all", "127.0.0.1/32 192.0.2.2/32 172.16.5.9/32 [::1]/128 [fd00::2]/128 [fe80::fc:ff:fe00:1]/128")]
    [TestCase("class", "all", "ipv4", "127.0.0.0/8 192.0.2.0/24 172.16.0.0/16")]
    [TestCase("class", "all", "ipv6", "[::1]/128 [fd00::]/64 [fe80::]/64")]
    [TestCase("subnet", "loopback-only", "all", "127.0.0.0/8 [::1]/128")]
    [TestCase("host", "192.0.2.2, 127.0.0.1", "all", "127.0.0.1/32 192.0.2.2/32")]
    [TestCase("subnet", "[fd00::2] 172.16.5.9", "all", "172.16.0.0/12 [fd00::]/64")]
    [TestCase("host", "127.0.0.1 127.0.0.1", "all", "127.0.0.1/32")]
    [TestCase("host", "all", "", "")]
    [TestCase("host", "", "all", "")]
    public void Mynetworks_follows_mynetworks_core(string style, string interfaces, string protocols, string expected)
    {
        var result = ComputedDefaults.Mynetworks(_host, style, interfaces, protocols, NoDns);

        result.Should().Be(ComputedValue.Success(expected));
    }

    [TestCase("host,subnet", "all", "all", "bad mynetworks_style value: host,subnet; specify exactly one value")]
    [TestCase("", "all", "all", "bad mynetworks_style value: ; specify exactly one value")]
    [TestCase("net", "all", "all", "unknown mynetworks mask style value \"net\" in \"net\"")]
    [TestCase("host", "all", "ipv4 ip6", "unknown inet_protocols value \"ip6\" in \"ipv4 ip6\"")]
    [TestCase("host", "mail.example", "all", "config variable inet_interfaces: host not found: mail.example")]
    [TestCase("host", "::1", "ipv4", "config variable inet_interfaces: host not found: ::1")]
    [TestCase("host", "10.1.1.1", "all", "parameter inet_interfaces: no local interface found for 10.1.1.1")]
    public void Mynetworks_reports_postconf_fatal_errors(string style, string interfaces, string protocols, string message)
    {
        var result = ComputedDefaults.Mynetworks(_host, style, interfaces, protocols, NoDns);

        result.Should().Be(ComputedValue.Fatal(message));
    }

    [Test]
    public void Class_style_on_a_class_E_address_is_fatal()
    {
        var host = _host with { Interfaces = [new HostInterfaceAddress("x", IPAddress.Parse("240.0.0.1"), 8)] };

        ComputedDefaults.Mynetworks(host, "class", "all", "ipv4").FatalMessage
            .Should().Be("mynetworks_core: unknown address class: 240.0.0.1");
    }

    [Test]
    public void Host_names_in_inet_interfaces_use_the_resolver()
    {
        IReadOnlyList<IPAddress> Resolve(string name) =>
            name == "mail.example" ? [IPAddress.Parse("192.0.2.2"), IPAddress.Parse("fd00::2")] : [];

        ComputedDefaults.Mynetworks(_host, "host", "mail.example", "all", Resolve).Value
            .Should().Be("192.0.2.2/32 [fd00::2]/128");
        ComputedDefaults.Mynetworks(_host, "host", "mail.example", "ipv4", Resolve).Value
            .Should().Be("192.0.2.2/32");
    }

    [Test]
    public void Postconf_defaults_use_subnet_style_and_ignore_main_cf()
    {
        var defaults = ComputedDefaults.ForPostconfDefaults(_host);

        defaults.Should().Equal(new Dictionary<string, string>
        {
            ["mydomain"] = "localdomain",
            ["myhostname"] = "vm.localdomain",
            ["mynetworks"] = "127.0.0.0/8 192.0.2.0/24 172.16.0.0/12 [::1]/128 [fd00::]/64 [fe80::]/64",
            ["process_id"] = "4242",
            ["process_name"] = "postconf",
        });
    }

    [Test]
    public void Current_host_facts_drop_ipv6_scope_ids()
    {
        var host = HostFacts.Current();

        host.HostName.Should().Be(Dns.GetHostName());
        host.ProcessId.Should().Be(Environment.ProcessId);
        host.Interfaces.Should().OnlyContain(i => i.Address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || i.Address.ScopeId == 0);
        host.Interfaces.Should().Contain(i => IPAddress.IsLoopback(i.Address));
    }

    private static IReadOnlyList<IPAddress> NoDns(string name) =>
        IPAddress.TryParse(name, out var address) ? [address] : ImmutableArray<IPAddress>.Empty;
}
