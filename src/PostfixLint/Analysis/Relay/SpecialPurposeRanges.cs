using System.Collections.Immutable;
using System.Net;

namespace PostfixLint.Analysis.Relay;

/// <summary>
/// The address blocks that are not globally routable: the IANA IPv4 and IPv6 Special-Purpose Address Registries
/// (RFC 6890) entries marked "Globally Reachable: False" or N/A, plus IPv6 space outside <c>2000::/3</c>.
/// </summary>
internal static class SpecialPurposeRanges
{
    /// <summary>Every block with its registry name, IPv4 first.</summary>
    public static ImmutableArray<(IPNetwork Network, string Name)> All { get; } =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "\"this network\" (RFC 791)"),
        (IPNetwork.Parse("10.0.0.0/8"), "private use (RFC 1918)"),
        (IPNetwork.Parse("100.64.0.0/10"), "shared address space, CGNAT (RFC 6598)"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback (RFC 1122)"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local (RFC 3927)"),
        (IPNetwork.Parse("172.16.0.0/12"), "private use (RFC 1918)"),
        (IPNetwork.Parse("192.0.0.0/24"), "IETF protocol assignments (RFC 6890)"),
        (IPNetwork.Parse("192.0.2.0/24"), "documentation, TEST-NET-1 (RFC 5737)"),
        (IPNetwork.Parse("192.88.99.0/24"), "deprecated 6to4 relay anycast (RFC 7526)"),
        (IPNetwork.Parse("192.168.0.0/16"), "private use (RFC 1918)"),
        (IPNetwork.Parse("198.18.0.0/15"), "benchmarking (RFC 2544)"),
        (IPNetwork.Parse("198.51.100.0/24"), "documentation, TEST-NET-2 (RFC 5737)"),
        (IPNetwork.Parse("203.0.113.0/24"), "documentation, TEST-NET-3 (RFC 5737)"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast (RFC 5771)"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved (RFC 1112), limited broadcast"),
        (IPNetwork.Parse("::/3"), "IPv6 space outside 2000::/3 (unspecified, loopback, IPv4-mapped, discard, reserved)"),
        (IPNetwork.Parse("::ffff:0:0/96"), "IPv4-mapped (RFC 4291)"),
        (IPNetwork.Parse("::1/128"), "loopback (RFC 4291)"),
        (IPNetwork.Parse("2001::/23"), "IETF protocol assignments (RFC 2928)"),
        (IPNetwork.Parse("2001:db8::/32"), "documentation (RFC 3849)"),
        (IPNetwork.Parse("2002::/16"), "6to4 (RFC 3056)"),
        (IPNetwork.Parse("3fff::/20"), "documentation (RFC 9637)"),
        (IPNetwork.Parse("4000::/2"), "IPv6 space outside 2000::/3 (reserved by IETF)"),
        (IPNetwork.Parse("8000::/1"), "IPv6 space outside 2000::/3 (ULA fc00::/7, link-local fe80::/10, multicast ff00::/8, reserved)"),
        (IPNetwork.Parse("fc00::/7"), "unique local (RFC 4193)"),
        (IPNetwork.Parse("fe80::/10"), "link-local unicast (RFC 4291)"),
        (IPNetwork.Parse("ff00::/8"), "multicast (RFC 4291)"),
    ];

    /// <summary>The blocks of <see cref="All"/> as number ranges, in the same order, for partitioning without per-call work.</summary>
    public static ImmutableArray<(System.Net.Sockets.AddressFamily Family, UInt128 First, UInt128 Last, int PrefixLength, string Name)> Bounds { get; } =
        [.. All.Select(r =>
        {
            var (first, last) = AddressMath.Bounds(r.Network);
            return (r.Network.BaseAddress.AddressFamily, first, last, r.Network.PrefixLength, r.Name);
        })];

    /// <summary>The name of the most specific special-purpose block holding <paramref name="address"/>, or null when it is globally routable.</summary>
    public static string? Find(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        string? name = null;
        var longest = -1;
        foreach (var (network, blockName) in All)
        {
            if (network.PrefixLength > longest && network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address))
            {
                name = blockName;
                longest = network.PrefixLength;
            }
        }

        return name;
    }
}
