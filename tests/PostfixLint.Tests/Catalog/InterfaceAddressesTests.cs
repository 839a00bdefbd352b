using PostfixLint.Model.Catalog;

namespace PostfixLint.Tests.Catalog;

public sealed class InterfaceAddressesTests
{
    [Test]
    public void Getifaddrs_finds_the_same_addresses_as_dotnet()
    {
        var fromLibc = InterfaceAddresses.TryRead();

        fromLibc.Should().NotBeNull("this is Linux: getifaddrs(3) must be callable");
        fromLibc!.Value.Select(a => (a.InterfaceName, a.Address.ToString(), a.PrefixLength))
            .Should().BeEquivalentTo(HostFacts.FromNetworkInterfaces().Select(a => (a.InterfaceName, a.Address.ToString(), a.PrefixLength)));
        fromLibc.Value.Should().Contain(a => a.Address.Equals(System.Net.IPAddress.Loopback) && a.PrefixLength == 8);
    }
}
