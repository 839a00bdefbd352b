using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PostfixLint.Model.Catalog;

/// <summary>src/global/mynetworks.c <c>mynetworks_core()</c> over src/global/own_inet_addr.c, in C#.</summary>
internal static class MynetworksCalculator
{
    // src/util/name_mask.h NAME_MASK_DEFAULT_DELIM; matching is case-sensitive (no NAME_MASK_ANY_CASE).
    private static readonly char[] s_nameMaskDelimiters = [',', ' ', '\t', '\r', '\n'];

    // src/global/own_inet_addr.c splits inet_interfaces on " \t,".
    private static readonly char[] s_interfaceDelimiters = [' ', '\t', ','];

    private const int StyleClass = 1;
    private const int StyleSubnet = 2;
    private const int StyleHost = 4;

    public static ComputedValue Compute(
        HostFacts host,
        string style,
        string inetInterfaces,
        string inetProtocols,
        Func<string, IReadOnlyList<IPAddress>> resolve)
    {
        // src/util/inet_proto.c inet_proto_init(): the family list is always IPv4 first, then IPv6.
        var protocolMask = 0;
        foreach (var word in inetProtocols.Split(s_nameMaskDelimiters, StringSplitOptions.RemoveEmptyEntries))
        {
            protocolMask |= word switch
            {
                "all" => 3,
                "ipv4" => 1,
                "ipv6" => 2,
                _ => -1,
            };
            if (protocolMask < 0)
            {
                return ComputedValue.Fatal($"unknown inet_protocols value \"{word}\" in \"{inetProtocols}\"");
            }
        }

        var families = new List<AddressFamily>(2);
        if ((protocolMask & 1) != 0)
        {
            families.Add(AddressFamily.InterNetwork);
        }

        if ((protocolMask & 2) != 0)
        {
            families.Add(AddressFamily.InterNetworkV6);
        }

        // mynetworks_core(): all protocols disabled gives an empty list before anything else is checked.
        if (families.Count == 0)
        {
            return ComputedValue.Success(string.Empty);
        }

        var styleMask = 0;
        foreach (var word in style.Split(s_nameMaskDelimiters, StringSplitOptions.RemoveEmptyEntries))
        {
            var bit = word switch
            {
                "class" => StyleClass,
                "subnet" => StyleSubnet,
                "host" => StyleHost,
                _ => 0,
            };
            if (bit == 0)
            {
                return ComputedValue.Fatal($"unknown mynetworks mask style value \"{word}\" in \"{style}\"");
            }

            styleMask |= bit;
        }

        if (styleMask is not (StyleClass or StyleSubnet or StyleHost))
        {
            return ComputedValue.Fatal($"bad mynetworks_style value: {style}; specify exactly one value");
        }

        var (addresses, error) = OwnAddresses(host, inetInterfaces, families, resolve);
        if (error is not null)
        {
            return ComputedValue.Fatal(error);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new StringBuilder();
        foreach (var (address, prefix) in addresses)
        {
            string text;
            if (address.AddressFamily == AddressFamily.InterNetwork)
            {
                var value = ToUInt32(address);
                int bits;
                switch (styleMask)
                {
                    case StyleClass:
                        // <netinet/in.h> IN_CLASSA..IN_CLASSD natural masks; class E is fatal in mynetworks_core().
                        if ((value & 0x80000000u) == 0)
                        {
                            bits = 8;
                        }
                        else if ((value & 0xC0000000u) == 0x80000000u)
                        {
                            bits = 16;
                        }
                        else if ((value & 0xE0000000u) == 0xC0000000u)
                        {
                            bits = 24;
                        }
                        else if ((value & 0xF0000000u) == 0xE0000000u)
                        {
                            bits = 4;
                        }
                        else
                        {
                            return ComputedValue.Fatal($"mynetworks_core: unknown address class: {address}");
                        }

                        break;
                    case StyleSubnet:
                        bits = prefix;
                        break;
                    default:
                        bits = 32;
                        break;
                }

                var mask = bits == 0 ? 0u : uint.MaxValue << (32 - bits);
                text = $"{FromUInt32(value & mask)}/{bits}";
            }
            else
            {
                // IPv6 has no classes: class style falls through to subnet.
                var bits = styleMask == StyleHost ? 128 : prefix;
                text = $"[{Masked(address, bits)}]/{bits}";
            }

            // "we preserve the original order and use a duplicate filter" (mynetworks_core()).
            if (seen.Add(text))
            {
                if (result.Length > 0)
                {
                    result.Append(' ');
                }

                result.Append(text);
            }
        }

        return ComputedValue.Success(result.ToString());
    }

    private static (List<(IPAddress Address, int Prefix)> Addresses, string? Error) OwnAddresses(
        HostFacts host,
        string inetInterfaces,
        List<AddressFamily> families,
        Func<string, IReadOnlyList<IPAddress>> resolve)
    {
        // src/util/inet_addr_local.c: one pass per family (IPv4 first), interface order within a family.
        var local = new List<(IPAddress Address, int Prefix)>();
        foreach (var family in families)
        {
            foreach (var entry in host.Interfaces)
            {
                if (entry.Address.AddressFamily == family && !IsUnspecified(entry.Address))
                {
                    local.Add((entry.Address, entry.PrefixLength));
                }
            }
        }

        // own_inet_addr_init(): "all" and "loopback-only" are compared with strcmp, so case matters.
        if (inetInterfaces == "all")
        {
            return local.Count == 0
                ? ([], "could not find any active network interfaces")
                : (local, null);
        }

        if (inetInterfaces == "loopback-only")
        {
            return local.Count == 0
                ? ([], "could not find any active network interfaces")
                : (local.Where(e => IsLoopback(e.Address)).ToList(), null);
        }

        var selected = new List<IPAddress>();
        foreach (var name in inetInterfaces.Split(s_interfaceDelimiters, StringSplitOptions.RemoveEmptyEntries))
        {
            // src/util/inet_addr_host.c: "[addr]" is an address literal; results of other families are skipped.
            var lookup = name.Length > 2 && name[0] == '[' && name[^1] == ']' ? name[1..^1] : name;
            var found = resolve(lookup)
                .Select(a => new IPAddress(a.GetAddressBytes()))
                .Where(a => families.Contains(a.AddressFamily))
                .ToList();
            if (found.Count == 0)
            {
                return ([], $"config variable inet_interfaces: host not found: {name}");
            }

            selected.AddRange(found);
        }

        // inet_addr_list_uniq(): qsort() with sock_addr_cmp_addr(), then drop neighbours that compare equal.
        var sorted = GlibcMergeSort(selected, CompareLikePostfix);
        var unique = new List<IPAddress>();
        foreach (var address in sorted)
        {
            if (unique.Count == 0 || CompareLikePostfix(unique[^1], address) != 0)
            {
                unique.Add(address);
            }
        }

        if (local.Count == 0)
        {
            return ([], "could not find any active network interfaces");
        }

        var result = new List<(IPAddress Address, int Prefix)>();
        foreach (var address in unique)
        {
            var match = local.FindIndex(e => e.Address.Equals(address));
            if (match < 0)
            {
                return ([], $"parameter inet_interfaces: no local interface found for {address}");
            }

            result.Add((address, local[match].Prefix));
        }

        return (result, null);
    }

    // src/util/sock_addr.c sock_addr_cmp_addr(): family first (AF_INET < AF_INET6); IPv4 subtracts the
    // network-order s_addr words as unsigned ints on a little-endian machine; IPv6 is memcmp().
    private static int CompareLikePostfix(IPAddress a, IPAddress b)
    {
        var fa = a.AddressFamily == AddressFamily.InterNetwork ? 2 : 10;
        var fb = b.AddressFamily == AddressFamily.InterNetwork ? 2 : 10;
        if (fa != fb)
        {
            return fa - fb;
        }

        var ba = a.GetAddressBytes();
        var bb = b.GetAddressBytes();
        if (fa == 2)
        {
            var wa = BitConverter.ToUInt32(ba, 0);
            var wb = BitConverter.ToUInt32(bb, 0);
            return unchecked((int)(wa - wb));
        }

        return ba.AsSpan().SequenceCompareTo(bb);
    }

    // glibc qsort() is a top-down merge sort (msort.c) that takes from the left run while cmp <= 0; mirroring
    // it keeps the order identical even though the IPv4 comparison above is not transitive.
    private static List<T> GlibcMergeSort<T>(List<T> items, Comparison<T> compare)
    {
        if (items.Count <= 1)
        {
            return [.. items];
        }

        var n1 = items.Count / 2;
        var left = GlibcMergeSort(items.GetRange(0, n1), compare);
        var right = GlibcMergeSort(items.GetRange(n1, items.Count - n1), compare);
        var merged = new List<T>(items.Count);
        int i = 0, j = 0;
        while (i < left.Count && j < right.Count)
        {
            merged.Add(compare(left[i], right[j]) <= 0 ? left[i++] : right[j++]);
        }

        merged.AddRange(left.Skip(i));
        merged.AddRange(right.Skip(j));
        return merged;
    }

    private static bool IsUnspecified(IPAddress address) =>
        address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    // src/util/sock_addr.c sock_addr_in_loopback(): 127/8 or ::1.
    private static bool IsLoopback(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork
            ? address.GetAddressBytes()[0] == 127
            : address.Equals(IPAddress.IPv6Loopback);

    private static uint ToUInt32(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
    }

    private static string FromUInt32(uint value) =>
        $"{value >> 24}.{(value >> 16) & 0xFF}.{(value >> 8) & 0xFF}.{value & 0xFF}";

    private static IPAddress Masked(IPAddress address, int bits)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(bits - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }
}
