using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Maps;

/// <summary>PFL405: <c>smtpd_sender_login_maps</c> is set but no listener that sees it has a <c>*_sender_login_mismatch</c> restriction.</summary>
internal sealed class SenderLoginMapsUnused : Rule
{
    private const string Parameter = "smtpd_sender_login_maps";

    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL405", "sender-login-maps-unused", "smtpd_sender_login_maps is set but no restriction consults it",
        DiagnosticSeverity.Warning, RuleCategory.Maps);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        // A configuration Postfix refuses (a fatal postconf error) has no values to judge; the read findings say why.
        if (!context.Config.IsUsable)
        {
            return;
        }

        foreach (var service in RuleScopes.ParameterScopes(context, Parameter))
        {
            if (service is null && !context.Config.ExplicitParameters.ContainsKey(Parameter))
            {
                continue;
            }

            if (context.SettingsOf(service).Get(Parameter).Trim().Length == 0)
            {
                continue;
            }

            // main.cf's value governs every listener without its own -o override.
            var governed = context.Listeners
                .Where(l => service is null
                    ? l.MasterService is null || !l.MasterService.Overrides.Any(o => o.Name == Parameter)
                    : ReferenceEquals(l.MasterService, service))
                .ToList();
            if (governed.Count == 0 || governed.Any(l => LoginMismatchRestrictions.In(context, l.MasterService).Any()))
            {
                continue;
            }

            var listeners = string.Join(", ", governed.Select(l => l.Service));
            context.Report(Meta,
                $"{Parameter} is set ({context.Where(Parameter, service)}) but no restriction of {(governed.Count == 1 ? "listener" : "listeners")} {listeners} "
                + "consults it (no reject_*_sender_login_mismatch): authenticated clients may use any sender address",
                context.LocateParameter(Parameter, service),
                help: "add reject_sender_login_mismatch (or reject_authenticated_sender_login_mismatch) to smtpd_sender_restrictions, or remove the map");
        }
    }
}
