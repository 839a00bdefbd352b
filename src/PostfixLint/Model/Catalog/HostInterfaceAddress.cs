using System.Net;

namespace PostfixLint.Model.Catalog;

/// <summary>One address of a network interface that is up, as getifaddrs(3) reports it to Postfix.</summary>
/// <param name="InterfaceName">The interface name, e.g. <c>eth0</c>; informational only.</param>
/// <param name="Address">The address, without an IPv6 scope id.</param>
/// <param name="PrefixLength">The netmask as a prefix length (0–32 for IPv4, 0–128 for IPv6).</param>
public sealed record HostInterfaceAddress(string InterfaceName, IPAddress Address, int PrefixLength);
