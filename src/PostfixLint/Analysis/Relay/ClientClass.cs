using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace PostfixLint.Analysis.Relay;

/// <summary>A range of client addresses that every boundary in the configuration treats alike, with one address that stands for all.</summary>
/// <param name="First">The first address of the range.</param>
/// <param name="Last">The last address of the range (inclusive).</param>
/// <param name="Representative">The address simulated for the whole class.</param>
/// <param name="SpecialPurpose">The special-purpose block the range lies in (loopback, RFC 1918, ...), or null when it is globally routable.</param>
public sealed record ClientClass(IPAddress First, IPAddress Last, IPAddress Representative, string? SpecialPurpose)
{
    /// <summary>The address family of the class.</summary>
    public AddressFamily Family => First.AddressFamily;

    /// <summary>True when the class is globally routable address space.</summary>
    public bool IsGloballyRoutable => SpecialPurpose is null;

    /// <summary>How many addresses the class holds.</summary>
    public BigInteger Count => AddressMath.ToNumber(Last) - AddressMath.ToNumber(First) + 1;

    /// <summary>True when <paramref name="address"/> is in the class.</summary>
    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != Family)
        {
            return false;
        }

        var value = AddressMath.ToNumber(address);
        return value >= AddressMath.ToNumber(First) && value <= AddressMath.ToNumber(Last);
    }

    /// <summary>The range as text: one address, a CIDR block when it is one, else <c>first-last</c>.</summary>
    public override string ToString() => AddressMath.Describe(First, Last);
}
