using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace PostfixLint.Analysis.Relay;

/// <summary>Addresses as unsigned numbers (IPv4 in 32 bits, IPv6 in 128 bits), for interval arithmetic.</summary>
internal static class AddressMath
{
    public static UInt128 ToUInt128(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        UInt128 value = 0;
        for (var i = 0; i < written; i++)
        {
            value = (value << 8) | bytes[i];
        }

        return value;
    }

    public static BigInteger ToNumber(IPAddress address) => (BigInteger)ToUInt128(address);

    public static IPAddress FromUInt128(UInt128 value, AddressFamily family)
    {
        var length = family == AddressFamily.InterNetwork ? 4 : 16;
        var bytes = new byte[length];
        for (var i = length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }

        return new IPAddress(bytes);
    }

    public static int Bits(AddressFamily family) => family == AddressFamily.InterNetwork ? 32 : 128;

    public static UInt128 Max(AddressFamily family) => family == AddressFamily.InterNetwork ? uint.MaxValue : UInt128.MaxValue;

    /// <summary>The first and last address of <paramref name="network"/>.</summary>
    public static (UInt128 First, UInt128 Last) Bounds(IPNetwork network)
    {
        var family = network.BaseAddress.AddressFamily;
        var first = ToUInt128(network.BaseAddress);
        var hostBits = Bits(family) - network.PrefixLength;
        var span = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        return (first, first + span);
    }

    public static string Text(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? address.ToString().ToLowerInvariant() : address.ToString();

    public static string Describe(IPAddress first, IPAddress last)
    {
        var low = ToUInt128(first);
        var high = ToUInt128(last);
        if (low == high)
        {
            return Text(first);
        }

        var count = high - low;
        // A CIDR block: the size is a power of two and the start is aligned to it.
        if (((count + 1) & count) == 0 || count == UInt128.MaxValue)
        {
            var hostBits = count == UInt128.MaxValue ? 128 : (int)UInt128.Log2(count + 1);
            if ((low & count) == 0)
            {
                return $"{Text(first)}/{Bits(first.AddressFamily) - hostBits}";
            }
        }

        return $"{Text(first)}-{Text(last)}";
    }
}
