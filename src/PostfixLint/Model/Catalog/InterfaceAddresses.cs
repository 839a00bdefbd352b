using System.Collections.Immutable;
using System.Net;
using System.Runtime.InteropServices;

namespace PostfixLint.Model.Catalog;

/// <summary>
/// Reads the addresses of the interfaces that are up with getifaddrs(3), as Postfix does
/// (src/util/inet_addr_local.c <c>ial_getifaddrs()</c>): one libc call instead of the many files .NET's
/// NetworkInterface reads, which matters for a tool that starts for every run.
/// </summary>
internal static class InterfaceAddresses
{
    private const int InterfaceUp = 0x1;     // IFF_UP
    private const short FamilyInet = 2;      // AF_INET on Linux
    private const short FamilyInet6 = 10;    // AF_INET6 on Linux

    // struct ifaddrs on 64-bit glibc: next, name, flags (+ padding), addr, netmask, ...
    private const int NextOffset = 0;
    private const int NameOffset = 8;
    private const int FlagsOffset = 16;
    private const int AddressOffset = 24;
    private const int NetmaskOffset = 32;

    /// <summary>The addresses in getifaddrs(3) order; null when getifaddrs is not available here.</summary>
    public static ImmutableArray<HostInterfaceAddress>? TryRead()
    {
        if (!OperatingSystem.IsLinux() || IntPtr.Size != 8)
        {
            return null;
        }

        IntPtr list;
        try
        {
            if (GetInterfaceAddresses(out list) != 0)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        try
        {
            var addresses = ImmutableArray.CreateBuilder<HostInterfaceAddress>();
            for (var entry = list; entry != IntPtr.Zero; entry = Marshal.ReadIntPtr(entry, NextOffset))
            {
                var flags = Marshal.ReadInt32(entry, FlagsOffset);
                var address = Marshal.ReadIntPtr(entry, AddressOffset);
                if ((flags & InterfaceUp) == 0 || address == IntPtr.Zero || ReadAddress(address) is not { } ip)
                {
                    continue;
                }

                var netmask = Marshal.ReadIntPtr(entry, NetmaskOffset);
                var prefix = netmask == IntPtr.Zero ? ip.GetAddressBytes().Length * 8 : PrefixLength(netmask);
                var name = Marshal.PtrToStringAnsi(Marshal.ReadIntPtr(entry, NameOffset)) ?? string.Empty;
                addresses.Add(new HostInterfaceAddress(name, ip, prefix));
            }

            return addresses.ToImmutable();
        }
        finally
        {
            FreeInterfaceAddresses(list);
        }
    }

    // Postfix prints addresses without a scope id ([fe80::…]/64), so the scope is not read.
    private static IPAddress? ReadAddress(IntPtr socketAddress)
    {
        var family = Marshal.ReadInt16(socketAddress);
        var (offset, length) = family switch
        {
            FamilyInet => (4, 4),
            FamilyInet6 => (8, 16),
            _ => (0, 0),
        };
        if (length == 0)
        {
            return null;
        }

        var bytes = new byte[length];
        Marshal.Copy(socketAddress + offset, bytes, 0, length);
        return new IPAddress(bytes);
    }

    private static int PrefixLength(IntPtr netmask) =>
        ReadAddress(netmask) is { } mask ? mask.GetAddressBytes().Sum(b => System.Numerics.BitOperations.PopCount(b)) : 0;

    [DllImport("libc", EntryPoint = "getifaddrs")]
    private static extern int GetInterfaceAddresses(out IntPtr list);

    [DllImport("libc", EntryPoint = "freeifaddrs")]
    private static extern void FreeInterfaceAddresses(IntPtr list);
}
