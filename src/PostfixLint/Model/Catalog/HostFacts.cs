using System.Collections.Immutable;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace PostfixLint.Model.Catalog;

/// <summary>The facts about the running machine from which Postfix computes its machine-dependent defaults.</summary>
/// <remarks>
/// Postfix never resolves its own name to an FQDN: src/util/get_hostname.c takes gethostname(2) as is
/// ("DO NOT CALL GETHOSTBYNAME FROM THIS FUNCTION") and myhostname falls back to <c>name.localdomain</c>,
/// so no resolution result is part of these facts.
/// </remarks>
/// <param name="HostName">The name gethostname(2) returns, e.g. <c>vm</c> or <c>mail.example.com</c>.</param>
/// <param name="Interfaces">The addresses of the interfaces that are up, in the order getifaddrs(3) reports them.</param>
/// <param name="ProcessId">The process id postconf would print as process_id.</param>
public sealed record HostFacts(string HostName, ImmutableArray<HostInterfaceAddress> Interfaces, int ProcessId)
{
    /// <summary>
    /// Resolves a host name in <c>inet_interfaces</c> as getaddrinfo(3) on that host would; null uses this machine's
    /// resolver (<c>/etc/hosts</c>, then DNS), which is right only for the machine the check runs on.
    /// </summary>
    public Func<string, IReadOnlyList<IPAddress>>? ResolveHost { get; init; }

    /// <summary>Reads the facts of this machine and process.</summary>
    public static HostFacts Current()
    {
        var addresses = InterfaceAddresses.TryRead() ?? FromNetworkInterfaces();
        return new HostFacts(Dns.GetHostName(), addresses, Environment.ProcessId);
    }

    /// <summary>The interface addresses as .NET's NetworkInterface reports them (where getifaddrs is unavailable).</summary>
    internal static ImmutableArray<HostInterfaceAddress> FromNetworkInterfaces()
    {
        var addresses = ImmutableArray.CreateBuilder<HostInterfaceAddress>();
        NetworkInterface[] interfaces;
        try
        {
            interfaces = NetworkInterface.GetAllNetworkInterfaces();
        }
        catch (NetworkInformationException)
        {
            interfaces = [];
        }

        // .NET lists interfaces in the order getifaddrs(3) first reports them (interface index order on
        // Linux); Postfix (src/util/inet_addr_local.c, ial_getifaddrs) walks the same list once per family.
        foreach (var nic in interfaces)
        {
            if (!IsUp(nic))
            {
                continue;
            }

            foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
            {
                var address = unicast.Address;
                if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
                {
                    continue;
                }

                // Postfix prints addresses without a scope id ([fe80::…]/64, not %eth0).
                var plain = new IPAddress(address.GetAddressBytes());
                addresses.Add(new HostInterfaceAddress(nic.Name, plain, unicast.PrefixLength));
            }
        }

        return addresses.ToImmutable();
    }

    // ial_getifaddrs() keeps interfaces with IFF_UP (administratively up), which is not what
    // OperationalStatus reports (lo is "Unknown", a cable-less NIC is "Down"); read the flag on Linux.
    private static bool IsUp(NetworkInterface nic)
    {
        var flagsPath = $"/sys/class/net/{nic.Name}/flags";
        try
        {
            if (File.Exists(flagsPath))
            {
                var text = File.ReadAllText(flagsPath).Trim();
                if (text.StartsWith("0x", StringComparison.Ordinal)
                    && int.TryParse(text.AsSpan(2), System.Globalization.NumberStyles.HexNumber, null, out var flags))
                {
                    return (flags & 0x1) != 0;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return nic.OperationalStatus != OperationalStatus.Down;
    }
}
