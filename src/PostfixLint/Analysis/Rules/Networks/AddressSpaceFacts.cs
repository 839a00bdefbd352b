using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Runtime.CompilerServices;
using PostfixLint.Analysis.Relay;

namespace PostfixLint.Analysis.Rules.Networks;

/// <summary>What a mynetworks network covers, in terms of the special-purpose registry and the policy.</summary>
internal static class AddressSpaceFacts
{
    private static readonly ConditionalWeakTable<RuleContext, Dictionary<IPNetwork, (IReadOnlyList<ClientClass>, BigInteger)>> s_untrustedPublic = new();

    /// <summary>The private-use blocks: RFC 1918 for IPv4 and unique local fc00::/7 for IPv6, from <see cref="SpecialPurposeRanges"/>.</summary>
    public static IEnumerable<IPNetwork> PrivateBlocks =>
        SpecialPurposeRanges.All.Where(r => r.Name.StartsWith("private use", StringComparison.Ordinal) || r.Name.StartsWith("unique local", StringComparison.Ordinal))
            .Select(r => r.Network);

    /// <summary>The widest run of globally routable addresses a /24 (IPv4) or /48 (IPv6) may hold before it counts as wide.</summary>
    public static BigInteger WideLimit(AddressFamily family) => family == AddressFamily.InterNetwork ? 256 : BigInteger.One << 80;

    /// <summary>
    /// The globally routable addresses of <paramref name="network"/> that the relay analysis does not trust (outside
    /// the policy's <c>mayRelay</c>, or all of them without a policy): the classes and their total size.
    /// </summary>
    /// <remarks>Computed once per network and run: PFL102 and PFL103 ask it for the same entries.</remarks>
    public static (IReadOnlyList<ClientClass> Classes, BigInteger Count) UntrustedPublic(RuleContext context, IPNetwork network)
    {
        var cache = s_untrustedPublic.GetOrCreateValue(context);
        if (!cache.TryGetValue(network, out var result))
        {
            result = ComputeUntrustedPublic(context, network);
            cache[network] = result;
        }

        return result;
    }

    private static (IReadOnlyList<ClientClass> Classes, BigInteger Count) ComputeUntrustedPublic(RuleContext context, IPNetwork network)
    {
        var boundaries = new List<IPNetwork> { network };
        if (context.Policy is { } policy)
        {
            boundaries.AddRange(policy.MayRelay.Concat(policy.MustNotRelay).Select(i => i.Client));
        }

        var space = ClientAddressSpace.Partition(boundaries);
        var (first, last) = AddressMath.Bounds(network);
        var classes = (network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? space.IPv4Classes : space.IPv6Classes)
            .Where(c => AddressMath.ToUInt128(c.First) >= first && AddressMath.ToUInt128(c.Last) <= last)
            .Where(c => c.IsGloballyRoutable && !context.Relay.IsTrusted(c))
            .ToList();
        return (classes, classes.Aggregate(BigInteger.Zero, (sum, c) => sum + c.Count));
    }

    /// <summary>A count of addresses for a message: <c>65,536</c>, or <c>2^80</c> for IPv6-sized powers of two.</summary>
    public static string Count(BigInteger count)
    {
        if (count > uint.MaxValue && count.IsPowerOfTwo)
        {
            return $"2^{count.GetBitLength() - 1}";
        }

        return count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The private block strictly inside <paramref name="network"/> at most 8 bits longer (the "one digit off" typo), if any.</summary>
    public static IPNetwork? NarrowerPrivateBlock(IPNetwork network) =>
        PrivateBlocks.Where(p => p.BaseAddress.AddressFamily == network.BaseAddress.AddressFamily
                                 && p.PrefixLength > network.PrefixLength && p.PrefixLength - network.PrefixLength <= 8
                                 && network.Contains(p.BaseAddress))
            .Select(p => (IPNetwork?)p)
            .FirstOrDefault();

    /// <summary>An address of the network that is not its first (network) address when the network has more than two.</summary>
    public static IPAddress Representative(IPNetwork network)
    {
        var (first, last) = AddressMath.Bounds(network);
        return AddressMath.FromUInt128(last - first >= 2 ? first + 1 : first, network.BaseAddress.AddressFamily);
    }
}
