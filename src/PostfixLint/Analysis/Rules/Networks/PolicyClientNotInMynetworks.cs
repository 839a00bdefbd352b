using System.Net;
using System.Net.Sockets;
using PostfixLint.Analysis.Relay;
using PostfixLint.Diagnostics;
using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Rules.Networks;

/// <summary>
/// PFL111: a client the policy says may relay is refused, and the trace shows <c>permit_mynetworks</c> was reached
/// but did not match: it is not in mynetworks (the seed's "IP changed" case). The generic policy rule leaves these to
/// this one, which carries the fix.
/// </summary>
internal sealed class PolicyClientNotInMynetworks : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL111", "policy-client-not-in-mynetworks", "A client the policy lets relay is not in mynetworks",
        DiagnosticSeverity.Error, RuleCategory.Networks, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Policy is not { } policy)
        {
            return;
        }

        foreach (var violation in context.PolicyEvaluation.Violations)
        {
            if (!IsMynetworksMiss(violation, out var permit))
            {
                continue;
            }

            var listener = context.Listeners.FirstOrDefault(l => SameService(l, violation.Probe.Service));
            var service = listener?.MasterService is { } s && s.Overrides.Any(o => o.Name == "mynetworks") ? s : null;
            var scope = MynetworksScope.All(context).FirstOrDefault(m => ReferenceEquals(m.Service, service));
            var value = context.Config.GetNetworkList("mynetworks", service)?.ExpandedValue ?? "";
            var intent = policy.MayRelay.FirstOrDefault(i => i.Position == violation.Position);
            context.Report(Meta,
                MynetworksScope.Relative(context, $"{violation.Message}; it is not in mynetworks = {value} ({context.Where("mynetworks", service)}), so {permit.Restriction} ({permit.Source}) did not let it relay"),
                context.LocateParameter("mynetworks", service),
                intent is null || scope is null ? null : AddFix(context, policy, scope, intent),
                help: intent is null ? null : $"add {Written(intent.Client)} to mynetworks, or correct the policy if the client's address changed");
        }
    }

    /// <summary>An unauthenticated mayRelay client refused by the list in which permit_mynetworks was tried and did not match.</summary>
    internal static bool IsMynetworksMiss(PolicyViolation violation, out TraceEntry permit)
    {
        permit = null!;
        if (violation.Kind != PolicyIntentKind.MayRelay || violation.Probe.SaslLogin is not null
            || violation.Result.Decision is not (Decision.Reject or Decision.Defer) || violation.Deciding is not { } deciding)
        {
            return false;
        }

        var trace = violation.Result.Trace;
        var at = trace.IndexOf(deciding);
        for (var i = 0; i < at; i++)
        {
            if (trace[i] is { Result: TraceResult.Dunno } entry && entry.List == deciding.List
                && entry.Restriction.Equals("permit_mynetworks", StringComparison.OrdinalIgnoreCase))
            {
                permit = entry;
                return true;
            }
        }

        return false;
    }

    private static Fix? AddFix(RuleContext context, RelayPolicy policy, MynetworksScope scope, RelayIntent intent)
    {
        var entries = scope.Entries.ToList();
        // Nothing written to add to, or an entry already decides for the client (an exclusion): appending would not help.
        if (scope.IsDefault || entries.Count == 0
            || entries.Any(e => MynetworksScope.NetworkOf(e) is { } n && n.BaseAddress.AddressFamily == intent.Client.BaseAddress.AddressFamily
                                && (n.Contains(intent.Client.BaseAddress) || intent.Client.Contains(n.BaseAddress))))
        {
            return null;
        }

        // Safe only when every listener reading this mynetworks is one the policy lets the client relay on: then the
        // new entry gives the client nothing the policy does not already grant. Otherwise it also opens other listeners.
        var everywhere = scope.Listeners(context).All(l => policy.MayRelay.Any(i => i.SaslLogin is null && SameService(l, i.Service)
            && i.Client.BaseAddress.AddressFamily == intent.Client.BaseAddress.AddressFamily
            && i.Client.PrefixLength <= intent.Client.PrefixLength && i.Client.Contains(intent.Client.BaseAddress)));
        return MynetworksScope.InsertAfter(entries[^1], $"Add `{Written(intent.Client)}` to mynetworks",
            everywhere ? FixSafety.Safe : FixSafety.Unsafe, Written(intent.Client));
    }

    /// <summary>The client as a mynetworks entry: a bare IPv4 address, <c>[v6]</c>, or a network.</summary>
    private static string Written(IPNetwork network)
    {
        var v4 = network.BaseAddress.AddressFamily == AddressFamily.InterNetwork;
        return network.PrefixLength == (v4 ? 32 : 128)
            ? v4 ? network.BaseAddress.ToString() : $"[{network.BaseAddress}]"
            : MynetworksScope.Text(network);
    }

    private static bool SameService(SmtpdListener listener, string service) =>
        listener.Service == service || listener.Port == new SmtpdListener(service, null).Port;
}
