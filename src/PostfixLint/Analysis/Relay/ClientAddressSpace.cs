using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;

namespace PostfixLint.Analysis.Relay;

/// <summary>
/// The IPv4 and IPv6 address spaces split into the classes a set of boundaries (networks) makes: two addresses in
/// the same class are inside exactly the same boundaries, so any decision that only asks "is the client in this
/// network" gives both the same answer.
/// </summary>
/// <remarks>
/// The special-purpose blocks of <see cref="SpecialPurposeRanges"/> are always boundaries, so a class is either
/// entirely special-purpose or entirely globally routable.
/// </remarks>
public sealed class ClientAddressSpace
{
    private readonly ImmutableArray<ClientClass> _ipv4;
    private readonly ImmutableArray<ClientClass> _ipv6;
    private readonly UInt128[] _ipv4Starts;
    private readonly UInt128[] _ipv6Starts;

    private ClientAddressSpace(ImmutableArray<ClientClass> ipv4, ImmutableArray<ClientClass> ipv6)
    {
        _ipv4 = ipv4;
        _ipv6 = ipv6;
        _ipv4Starts = [.. ipv4.Select(c => AddressMath.ToUInt128(c.First))];
        _ipv6Starts = [.. ipv6.Select(c => AddressMath.ToUInt128(c.First))];
    }

    /// <summary>Every class, IPv4 first, each family in address order.</summary>
    public ImmutableArray<ClientClass> Classes => [.. _ipv4, .. _ipv6];

    /// <summary>The IPv4 classes in address order; together they cover 0.0.0.0–255.255.255.255 without overlap.</summary>
    public ImmutableArray<ClientClass> IPv4Classes => _ipv4;

    /// <summary>The IPv6 classes in address order; together they cover the whole IPv6 space without overlap.</summary>
    public ImmutableArray<ClientClass> IPv6Classes => _ipv6;

    /// <summary>Splits both address spaces at every boundary of <paramref name="boundaries"/> and of the special-purpose registry.</summary>
    public static ClientAddressSpace Partition(IEnumerable<IPNetwork> boundaries)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        var ipv4 = new SortedSet<UInt128> { 0 };
        var ipv6 = new SortedSet<UInt128> { 0 };
        foreach (var network in boundaries)
        {
            var family = network.BaseAddress.AddressFamily;
            var (first, last) = AddressMath.Bounds(network);
            AddRange(family == AddressFamily.InterNetwork ? ipv4 : ipv6, family, first, last);
        }

        foreach (var (family, first, last, _, _) in SpecialPurposeRanges.Bounds)
        {
            AddRange(family == AddressFamily.InterNetwork ? ipv4 : ipv6, family, first, last);
        }

        return new ClientAddressSpace(Build(ipv4, AddressFamily.InterNetwork), Build(ipv6, AddressFamily.InterNetworkV6));
    }

    /// <summary>The class holding <paramref name="address"/>.</summary>
    public ClientClass Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var (starts, classes) = address.AddressFamily == AddressFamily.InterNetwork ? (_ipv4Starts, _ipv4) : (_ipv6Starts, _ipv6);
        var index = Array.BinarySearch(starts, AddressMath.ToUInt128(address));
        return classes[index >= 0 ? index : ~index - 1];
    }

    private static void AddRange(SortedSet<UInt128> starts, AddressFamily family, UInt128 first, UInt128 last)
    {
        starts.Add(first);
        if (last < AddressMath.Max(family))
        {
            starts.Add(last + 1);
        }
    }

    private static ImmutableArray<ClientClass> Build(SortedSet<UInt128> starts, AddressFamily family)
    {
        var list = starts.ToList();
        var classes = ImmutableArray.CreateBuilder<ClientClass>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var first = list[i];
            var last = i + 1 < list.Count ? list[i + 1] - 1 : AddressMath.Max(family);
            var representative = AddressMath.FromUInt128(Representative(first, last, family), family);
            classes.Add(new ClientClass(
                AddressMath.FromUInt128(first, family),
                AddressMath.FromUInt128(last, family),
                representative,
                SpecialPurposeRanges.Find(representative)));
        }

        return classes.MoveToImmutable();
    }

    /// <summary>A deterministic address of the class that is not a network or broadcast edge when the class is wide enough.</summary>
    private static UInt128 Representative(UInt128 first, UInt128 last, AddressFamily family)
    {
        if (last - first < 2)
        {
            return first;
        }

        var candidate = first + 1;
        if (family == AddressFamily.InterNetwork)
        {
            // Avoid x.y.z.0 and x.y.z.255, which look like a /24's network and broadcast addresses.
            while (candidate < last && (byte)candidate is 0 or 255)
            {
                candidate++;
            }
        }

        return candidate;
    }
}
