using PostfixLint.Analysis.Relay;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Rules.Networks;

/// <summary>
/// PFL112: a client the policy says may relay cannot even connect, because of where the listener listens
/// (<c>inet_interfaces</c>, a <c>host:port</c> service name, <c>inet_protocols</c>): the seed's firewall/listener case.
/// </summary>
internal sealed class PolicyClientCannotConnect : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL112", "policy-client-cannot-connect", "A client the policy lets relay cannot connect to the listener",
        DiagnosticSeverity.Error, RuleCategory.Networks, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Policy is null)
        {
            return;
        }

        foreach (var violation in context.PolicyEvaluation.Violations)
        {
            if (violation is not { Kind: PolicyIntentKind.MayRelay, Unreachable: true } || !OnlyTheBindingStopsIt(context, violation.Probe))
            {
                continue;
            }

            var listener = context.Listeners.FirstOrDefault(l => l.Service == violation.Probe.Service || l.Port == new SmtpdListener(violation.Probe.Service, null).Port);
            var error = violation.Result.Reachability ?? "";
            context.Report(Meta, MynetworksScope.Relative(context, violation.Message), Binding(context, listener?.MasterService, error),
                ListenEverywhere(context, listener?.MasterService, error),
                help: "listen on the address these clients connect to (inet_interfaces, or the host part of the master.cf service), or correct the policy");
        }
    }

    /// <summary>True when a loopback client (IPv4 or IPv6) gets a session on the same service: then only the client's address keeps it out.</summary>
    internal static bool OnlyTheBindingStopsIt(RuleContext context, Probe probe) =>
        new[] { "127.0.0.1", "::1" }.Any(loopback => context.Simulator.Simulate(probe with { Client = loopback }).Decision is not (Decision.Unreachable or Decision.Error));

    /// <summary>
    /// Sets the main.cf parameter that keeps the client out to <c>all</c> (<c>inet_interfaces</c>, or <c>inet_protocols</c>
    /// for a client of the other protocol); null when the binding is a master.cf <c>host:port</c> service or the value is not
    /// written literally in main.cf.
    /// </summary>
    /// <remarks>
    /// Unsafe: smtpd then listens on every address (or protocol) of the host, which opens the SMTP port to networks the
    /// policy says nothing about; which address the clients use is only known to the admin. Either parameter needs
    /// <c>postfix stop</c>/<c>start</c> (postconf(5)); the fixer's plan says so instead of reloading.
    /// </remarks>
    private static Fix? ListenEverywhere(RuleContext context, MasterService? service, string error)
    {
        if (service?.Name.Contains(':', StringComparison.Ordinal) == true)
        {
            return null;
        }

        var name = error.StartsWith("inet_protocols", StringComparison.Ordinal) ? "inet_protocols" : "inet_interfaces";
        if (context.Config.GetParameter(name) is not { Provenance.Kind: ProvenanceKind.MainCf }
            || PostfixLint.Analysis.Rules.Sasl.SaslListenerFacts.ValueLocation(context, name, null) is not { } value)
        {
            return null;
        }

        return Fix.Create($"Set `{name} = all`", FixSafety.Unsafe, value.Path, TextEdit.Replace(value.Span, "all"));
    }

    /// <summary>Where the binding that keeps the client out is written: the service name's host, inet_protocols or inet_interfaces.</summary>
    internal static SourceLocation? Binding(RuleContext context, MasterService? service, string error)
    {
        if (service?.Syntax is { } syntax && service.Name.Contains(':', StringComparison.Ordinal) && context.Config.MasterCf?.Document is { } master)
        {
            return new SourceLocation(master.Path, syntax.Service.Span);
        }

        return error.StartsWith("inet_protocols", StringComparison.Ordinal)
            ? context.LocateParameter("inet_protocols")
            : context.LocateParameter("inet_interfaces");
    }
}
