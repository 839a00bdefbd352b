using System.Net;
using PostfixLint.Analysis.Relay;
using PostfixLint.Model.Values;

namespace PostfixLint.Tests.Analysis.Relay;

[TestFixture]
public sealed class ClientAddressSpaceTests
{
    [Test]
    public void Classes_cover_each_family_without_gaps_or_overlap()
    {
        var space = ClientAddressSpace.Partition([IPNetwork.Parse("192.168.1.0/24"), IPNetwork.Parse("8.8.8.8/32"), IPNetwork.Parse("2001:db8:1::/48")]);

        foreach (var classes in new[] { space.IPv4Classes, space.IPv6Classes })
        {
            classes[0].First.GetAddressBytes().Should().OnlyContain(b => b == 0);
            classes[^1].Last.GetAddressBytes().Should().OnlyContain(b => b == 255);
            for (var i = 1; i < classes.Length; i++)
            {
                (AddressOf(classes[i].First) - AddressOf(classes[i - 1].Last)).Should().Be(1);
            }
        }
    }

    [Test]
    public void A_representative_avoids_network_and_broadcast_edges()
    {
        var space = ClientAddressSpace.Partition([IPNetwork.Parse("8.8.8.0/24"), IPNetwork.Parse("8.8.8.8/32")]);

        space.Classify(IPAddress.Parse("8.8.8.1")).Representative.Should().Be(IPAddress.Parse("8.8.8.1"));
        space.Classify(IPAddress.Parse("8.8.8.8")).Representative.Should().Be(IPAddress.Parse("8.8.8.8"));
        space.Classify(IPAddress.Parse("8.8.8.200")).Representative.Should().Be(IPAddress.Parse("8.8.8.10"));
        space.Classify(IPAddress.Parse("8.8.9.0")).Representative.Should().Be(IPAddress.Parse("8.8.9.1"));
    }

    [Test]
    public void Classes_are_tagged_special_purpose_or_globally_routable()
    {
        var space = ClientAddressSpace.Partition([]);

        space.Classify(IPAddress.Parse("127.0.0.1")).SpecialPurpose.Should().StartWith("loopback");
        space.Classify(IPAddress.Parse("172.20.1.1")).SpecialPurpose.Should().Contain("RFC 1918");
        space.Classify(IPAddress.Parse("100.64.3.4")).SpecialPurpose.Should().Contain("CGNAT");
        space.Classify(IPAddress.Parse("203.0.113.9")).SpecialPurpose.Should().Contain("documentation");
        space.Classify(IPAddress.Parse("fd00::1")).SpecialPurpose.Should().StartWith("unique local");
        space.Classify(IPAddress.Parse("ff02::1")).SpecialPurpose.Should().StartWith("multicast");
        space.Classify(IPAddress.Parse("8.8.8.8")).IsGloballyRoutable.Should().BeTrue();
        space.Classify(IPAddress.Parse("2a00:1450::1")).IsGloballyRoutable.Should().BeTrue();
    }

    [Test]
    public void Random_addresses_get_the_same_mynetworks_membership_as_their_class_representative()
    {
        var networks = NetworkList.Parse("127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128 10.0.0.0/8 !10.1.2.0/24 192.0.2.7 [2001:db8::]/33 0.0.0.0/1")
            .Entries.Where(e => e.Network is not null || e.Address is not null).ToList();
        var space = ClientAddressSpace.Partition(networks.Select(e => e.Network ?? new IPNetwork(e.Address!, 32)));
        var random = new Random(7);
        var probes = new List<IPAddress>();
        for (var i = 0; i < 5000; i++)
        {
            var bytes = new byte[i % 2 == 0 ? 4 : 16];
            random.NextBytes(bytes);
            if (i % 10 == 1)
            {
                // Bias towards the boundaries' neighbourhoods, where a wrong split would show.
                var seed = networks[random.Next(networks.Count)];
                bytes = (seed.Network?.BaseAddress ?? seed.Address!).GetAddressBytes();
                bytes[^1] = (byte)random.Next(256);
            }

            probes.Add(new IPAddress(bytes));
        }

        foreach (var address in probes)
        {
            var clientClass = space.Classify(address);
            clientClass.Contains(address).Should().BeTrue();
            Membership(networks, address).Should().Be(Membership(networks, clientClass.Representative), $"{address} is in {clientClass}");
        }
    }

    private static string Membership(List<NetworkEntry> entries, IPAddress address) =>
        string.Concat(entries.Select(e => (e.Network?.Contains(address) ?? e.Address!.Equals(address)) ? '1' : '0'));

    private static System.Numerics.BigInteger AddressOf(IPAddress address) =>
        new(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true);
}
