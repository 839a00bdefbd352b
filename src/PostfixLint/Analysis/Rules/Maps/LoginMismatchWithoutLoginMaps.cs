using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Analysis.Rules.Maps;

/// <summary>
/// PFL406: <c>reject_sender_login_mismatch</c> or <c>reject_authenticated_sender_login_mismatch</c> on a listener
/// with SASL on and no (or only empty) <c>smtpd_sender_login_maps</c>: every authenticated sender is rejected.
/// </summary>
internal sealed class LoginMismatchWithoutLoginMaps : Rule
{
    private const string Parameter = "smtpd_sender_login_maps";

    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL406", "login-mismatch-without-login-maps", "A sender login mismatch check without sender login maps rejects every authenticated sender",
        DiagnosticSeverity.Error, RuleCategory.Maps);

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

        var affected = new Dictionary<SourceLocation, (string Name, List<string> Listeners, string Why)>();
        foreach (var listener in context.Listeners)
        {
            var settings = context.SettingsOf(listener.MasterService);

            // smtpd_check.c: without smtpd_sasl_auth_enable the restriction is ignored ("no SASL support").
            if (!settings.GetBool("smtpd_sasl_auth_enable") || Emptiness(context, listener.MasterService) is not { } why)
            {
                continue;
            }

            // reject_known_… allows senders without an owner and the unauthenticated variant needs an owner to fire:
            // only these two reject authenticated clients when the maps hold nothing (verified on Postfix 3.7.11).
            foreach (var restriction in LoginMismatchRestrictions.In(context, listener.MasterService))
            {
                if (restriction.NormalizedName is not ("reject_sender_login_mismatch" or "reject_authenticated_sender_login_mismatch")
                    || restriction.Origin?.Location is not { } location)
                {
                    continue;
                }

                if (!affected.TryGetValue(location, out var entry))
                {
                    entry = (restriction.Name, [], why);
                    affected[location] = entry;
                }

                entry.Listeners.Add(listener.Service);
            }
        }

        foreach (var (location, (name, listeners, why)) in affected)
        {
            context.Report(Meta,
                $"{name} on {(listeners.Count == 1 ? "listener" : "listeners")} {string.Join(", ", listeners)} while {why}: every authenticated client "
                + "is rejected for every sender (553 5.7.1 <sender>: Sender address rejected: not owned by user <login>)",
                location,
                help: $"list each sender address and its logins in a table named by {Parameter}, or remove {name}");
        }
    }

    /// <summary>Why the maps hold no owner for <paramref name="service"/>; null when they may.</summary>
    private static string? Emptiness(RuleContext context, MasterService? service)
    {
        var value = context.SettingsOf(service).Get(Parameter).Trim();
        if (value.Length == 0)
        {
            return context.Config.ExplicitParameters.ContainsKey(Parameter) || service?.Overrides.Any(o => o.Name == Parameter) == true
                ? $"{Parameter} is empty ({context.Where(Parameter, service)})"
                : $"{Parameter} is not set (the default is empty)";
        }

        var references = context.Config.GetMapReferences(Parameter, service)?.Value ?? [];
        if (references.IsEmpty)
        {
            return null;
        }

        foreach (var reference in references)
        {
            var format = reference.Type switch
            {
                "hash" or "btree" or "lmdb" or "cdb" or "texthash" => TableSourceFormat.Postmap,
                "regexp" => TableSourceFormat.Regexp,
                "pcre" => TableSourceFormat.Pcre,
                _ => (TableSourceFormat?)null,
            };
            if (format is null || reference.IsBraced
                || ReferencedTables.FileOf(context, reference.Name, format.Value) is not { Source: { } source }
                || source.HasEntries)
            {
                return null;
            }
        }

        return $"every table of {Parameter} ({context.Where(Parameter, service)}) is empty";
    }
}
