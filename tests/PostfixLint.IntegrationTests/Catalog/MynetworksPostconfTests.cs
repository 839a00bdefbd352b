using PostfixLint.Model.Catalog;

namespace PostfixLint.IntegrationTests.Catalog;

/// <summary>ComputedDefaults.Mynetworks against <c>postconf -x mynetworks</c> on this machine under many main.cf settings.</summary>
[TestFixture]
public sealed class MynetworksPostconfTests
{
    private static readonly string[] _styles = ["host", "subnet", "class"];
    private static readonly string[] _interfaces = ["all", "loopback-only", "127.0.0.1", "192.0.2.2 127.0.0.1", "[::1]", "::1, 127.0.0.1"];
    private static readonly string[] _protocols = ["all", "ipv4", "ipv6"];

    [Test]
    public async Task Mynetworks_equals_postconf_for_every_style_interface_and_protocol_combination()
    {
        var host = HostFacts.Current();
        using var postconf = PostconfRunner.Create();
        var mismatches = new List<string>();
        foreach (var style in _styles)
        {
            foreach (var interfaces in InterfaceSettings(host))
            {
                foreach (var protocols in _protocols)
                {
                    var expected = ComputedDefaults.Mynetworks(host, style, interfaces, protocols);

                    // Fatal runs make postconf sleep a second; the fatal texts are checked separately below.
                    if (!expected.IsSuccess)
                    {
                        continue;
                    }

                    postconf.Write($"mynetworks_style = {style}\ninet_interfaces = {interfaces}\ninet_protocols = {protocols}\n");
                    var result = await postconf.RunAsync("-xh", "mynetworks");
                    var actual = result.ExitCode == 0 ? result.StandardOutput.TrimEnd('\n') : "fatal: " + result.StandardError;
                    if (actual != expected.Value)
                    {
                        mismatches.Add($"style={style} interfaces={interfaces} protocols={protocols}: postconf '{actual}', ours '{expected.Value}'");
                    }
                }
            }
        }

        mismatches.Should().BeEmpty();
    }

    [TestCase("mynetworks_style = host subnet", "host subnet", "all", "all")]
    [TestCase("mynetworks_style = Host", "Host", "all", "all")]
    [TestCase("inet_protocols = IPv4", "host", "all", "IPv4")]
    [TestCase("inet_interfaces = ALL", "host", "ALL", "all")]
    [TestCase("inet_interfaces = 127.0.0.1\ninet_protocols = ipv6", "host", "127.0.0.1", "ipv6")]
    [TestCase("inet_interfaces = 192.0.2.254", "host", "192.0.2.254", "all")]
    public async Task Fatal_errors_match_postconf(string mainCf, string style, string interfaces, string protocols)
    {
        using var postconf = PostconfRunner.Create(mainCf + "\n");

        var result = await postconf.RunAsync("-xh", "mynetworks");
        var ours = ComputedDefaults.Mynetworks(HostFacts.Current(), style, interfaces, protocols);

        result.ExitCode.Should().Be(1);
        ours.IsSuccess.Should().BeFalse();
        result.StandardError.Should().Contain("postconf: fatal: " + ours.FatalMessage + "\n");
    }

    [Test]
    public async Task No_enabled_protocol_gives_an_empty_list()
    {
        using var postconf = PostconfRunner.Create("inet_protocols =\n");

        var result = await postconf.RunAsync("-xh", "mynetworks");

        result.StandardOutput.Should().Be("\n");
        ComputedDefaults.Mynetworks(HostFacts.Current(), "bogus", "all", "").Value.Should().BeEmpty();
    }

    // The addresses of this host's first global interfaces, so the list works on other machines too.
    private static IEnumerable<string> InterfaceSettings(HostFacts host)
    {
        foreach (var setting in _interfaces)
        {
            yield return setting;
        }

        // Names go through getaddrinfo(3) in Postfix: /etc/hosts, not the interface list.
        yield return "localhost";
        yield return host.HostName;

        foreach (var address in host.Interfaces.Select(i => i.Address).Where(a => !System.Net.IPAddress.IsLoopback(a)).Take(3))
        {
            yield return address.ToString();
        }
    }
}
