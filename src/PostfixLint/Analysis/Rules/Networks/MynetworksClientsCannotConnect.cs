using System.Net;
using PostfixLint.Diagnostics;
using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Rules.Networks;

/// <summary>
/// PFL113: mynetworks trusts remote clients that cannot connect to any listener reading it (<c>inet_interfaces =
/// loopback-only</c>, a listener bound to 127.0.0.1, IPv6 entries with <c>inet_protocols = ipv4</c>).
/// </summary>
internal sealed class MynetworksClientsCannotConnect : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL113", "mynetworks-clients-cannot-connect", "mynetworks trusts clients that cannot connect",
        DiagnosticSeverity.Warning, RuleCategory.Networks);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var scope in MynetworksScope.All(context))
        {
            var listeners = scope.Listeners(context).ToList();
            if (listeners.Count == 0)
            {
                continue;
            }

            foreach (var entry in scope.Entries)
            {
                if (entry.IsNegated || MynetworksScope.NetworkOf(entry) is not { } network)
                {
                    continue;
                }

                var client = AddressSpaceFacts.Representative(network);
                if (IPAddress.IsLoopback(client) || (client.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(client.MapToIPv4())))
                {
                    continue;
                }

                // Ask the simulator on every listener that reads this value: none may let the client in.
                string? error = null;
                var reachable = false;
                foreach (var listener in listeners)
                {
                    var result = MynetworksScope.Probe(context, listener, client.ToString());
                    if (result.Decision != Decision.Unreachable || !PolicyClientCannotConnect.OnlyTheBindingStopsIt(context, result.Probe))
                    {
                        reachable = true;
                        break;
                    }

                    error ??= result.Reachability;
                }

                if (reachable)
                {
                    continue;
                }

                context.Report(Meta,
                    $"mynetworks{MynetworksScope.DefaultNote(entry)} trusts `{entry.Text}`, but clients there cannot connect: {MynetworksScope.Relative(context, error ?? "")}",
                    entry.Origin,
                    help: "make smtpd listen where these clients connect, or remove the entry if they are gone");
            }
        }
    }
}
