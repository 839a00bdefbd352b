using PostfixLint.Diagnostics;
using PostfixLint.Model;

namespace PostfixLint.Analysis.Rules.Syntax;

/// <summary>
/// The warnings and fatal errors smtpd logs when it builds a host/network list (PFL060–PFL062,
/// <c>src/util/match_list.c</c>, <c>cidr_match.c</c>): postconf never parses these lists, so reading the files does not
/// report them; this puts them where they are written.
/// </summary>
internal static class NetworkListMessages
{
    /// <summary>
    /// The smtpd(8) parameters that are host/network match lists (postconf(5)). Postfix parses each one when smtpd
    /// starts; a problem in a value another list includes through <c>$name</c> is reported once, at its text.
    /// </summary>
    public static IReadOnlyList<string> Parameters { get; } =
    [
        "mynetworks", "smtpd_authorized_verp_clients", "smtpd_authorized_xclient_hosts", "smtpd_authorized_xforward_hosts",
        "smtpd_client_event_limit_exceptions", "smtpd_sasl_exceptions_networks", "permit_mx_backup_networks", "debug_peer_list",
    ];

    /// <summary>Reports PFL060–PFL062 for every listed parameter written in main.cf or in an smtpd listener's <c>-o</c>.</summary>
    public static void Report(RuleContext context)
    {
        var seen = new HashSet<(string, string?, int?, string)>();
        foreach (var name in Parameters)
        {
            foreach (var service in RuleScopes.ParameterScopes(context, name))
            {
                if (service is null && context.Config.GetParameter(name)?.Provenance.File is null)
                {
                    // A default (or computed) value: Postfix's own defaults parse cleanly.
                    continue;
                }

                if (context.Config.GetNetworkList(name, service) is not { } list)
                {
                    continue;
                }

                foreach (var message in list.Value.Messages)
                {
                    if (RuleRegistry.Find(message.Id) is not { } descriptor || !Linter.IsEnabled(descriptor, context.Options))
                    {
                        continue;
                    }

                    var at = Locate(context, list.Value, message, name, service);
                    if (seen.Add((message.Id, at?.Path, at?.Span.Start, message.Message)))
                    {
                        context.Add(message with
                        {
                            Severity = message.Severity == DiagnosticSeverity.Fatal ? DiagnosticSeverity.Error : message.Severity,
                            Path = at?.Path,
                            Span = at?.Span,
                        });
                    }
                }
            }
        }
    }

    /// <summary>A bad net/mask at its entry; a comment or a lone <c>!</c> at the parameter's name.</summary>
    private static SourceLocation? Locate(RuleContext context, Model.Values.NetworkList.Result list, Diagnostic message, string name, MasterService? service)
    {
        if (message.Id == DiagnosticIds.NetworkListBadCidr
            && list.Entries.FirstOrDefault(e => e.Error is { } error && message.Message.EndsWith(error, StringComparison.Ordinal)) is { Origin.Location: { } location })
        {
            return location;
        }

        return context.LocateParameter(name, service);
    }
}
