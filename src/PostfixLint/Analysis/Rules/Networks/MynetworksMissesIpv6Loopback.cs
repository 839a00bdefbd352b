using System.Net;
using System.Net.Sockets;
using PostfixLint.Diagnostics;
using PostfixLint.Model.Values;
using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Rules.Networks;

/// <summary>
/// PFL110: mynetworks trusts IPv4 loopback but has no IPv6 entry, while smtpd accepts IPv6 clients on loopback:
/// local programs that connect to <c>localhost</c> over <c>::1</c> are refused relay.
/// </summary>
internal sealed class MynetworksMissesIpv6Loopback : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL110", "mynetworks-misses-ipv6-loopback", "mynetworks trusts 127.0.0.1 but not ::1 while IPv6 is enabled",
        DiagnosticSeverity.Warning, RuleCategory.Networks, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var scope in MynetworksScope.All(context))
        {
            var entries = scope.Entries.ToList();
            var loopback = entries.FirstOrDefault(e => !e.IsNegated && MynetworksScope.NetworkOf(e) is { } n
                                                       && n.BaseAddress.AddressFamily == AddressFamily.InterNetwork && n.Contains(IPAddress.Loopback));
            // Only a list of plain networks: a name, table or file entry may well trust ::1 in a way we can't see.
            if (loopback is null
                || entries.Any(e => e.Kind is not (NetworkEntryKind.Network or NetworkEntryKind.Address)
                                    || MynetworksScope.NetworkOf(e)?.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6))
            {
                continue;
            }

            // Ask the simulator: 127.0.0.1 relays, ::1 gets a session (inet_protocols, inet_interfaces) but is refused.
            foreach (var listener in scope.Listeners(context))
            {
                var ipv4 = MynetworksScope.Probe(context, listener, "127.0.0.1");
                var ipv6 = MynetworksScope.Probe(context, listener, "::1");
                if (ipv4.Decision != Decision.Accept || ipv6.Decision is not (Decision.Reject or Decision.Defer))
                {
                    continue;
                }

                context.Report(Meta,
                    $"mynetworks{MynetworksScope.DefaultNote(loopback)} trusts `{loopback.Text}` but no IPv6 address, and inet_protocols = {context.SettingsOf(listener.MasterService).Get("inet_protocols")} lets clients connect over ::1: a local program that reaches localhost over IPv6 gets `{ipv6.RcptReply ?? ipv6.MailFromReply}` on {listener.Service}",
                    loopback.Origin,
                    // Safe: only processes on this host can connect from ::1, and they are trusted over IPv4 already.
                    MynetworksScope.InsertAfter(loopback, "Add `[::1]/128` to mynetworks", FixSafety.Safe, "[::1]/128"),
                    help: "trust IPv6 loopback too: [::1]/128");
                break;
            }
        }
    }
}
