using PostfixLint.Analysis.Relay;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Model.Values;

namespace PostfixLint.Analysis.Rules.Sasl;

/// <summary>PFL302: <c>permit_sasl_authenticated</c> in a list of a listener where SASL is off, so it never matches.</summary>
internal sealed class PermitSaslAuthenticatedWithoutSasl : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL302", "permit-sasl-authenticated-without-sasl", "permit_sasl_authenticated on a listener where SASL is disabled",
        DiagnosticSeverity.Warning, RuleCategory.SaslTls);

    private static readonly string[] s_lists =
    [
        "smtpd_client_restrictions", "smtpd_helo_restrictions", "smtpd_sender_restrictions", "smtpd_relay_restrictions",
        "smtpd_recipient_restrictions", "smtpd_data_restrictions", "smtpd_end_of_data_restrictions", "smtpd_etrn_restrictions",
    ];

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        // Per written item: the listeners that evaluate it, and whether any of them offers AUTH.
        var items = new Dictionary<SourceLocation, (Restriction Item, string List, List<SmtpdListener> Listeners, bool Enabled)>();
        foreach (var listener in context.Listeners)
        {
            var enabled = SaslListenerFacts.SaslEnabled(context.SettingsOf(listener.MasterService));
            foreach (var name in s_lists)
            {
                if (context.Config.GetRestrictionList(name, listener.MasterService) is not { } list)
                {
                    continue;
                }

                foreach (var item in list.Value)
                {
                    if (item.NormalizedName != "permit_sasl_authenticated" || item.Origin?.Location is not { } location)
                    {
                        continue;
                    }

                    var entry = items.TryGetValue(location, out var seen) ? seen : (Item: item, List: name, Listeners: new List<SmtpdListener>(), Enabled: false);
                    entry.Listeners.Add(listener);
                    items[location] = entry with { Enabled = entry.Enabled || enabled };
                }
            }
        }

        // A main.cf item nobody can use is reported only when SASL is set up but enabled on no listener (the switch was
        // forgotten): Debian's stock main.cf (and Postfix's default smtpd_relay_restrictions) names permit_sasl_authenticated
        // with SASL off, and a main.cf list shared with a submission listener that enables SASL is normal.
        var forgotten = SaslConfigured(context)
            && !context.Listeners.Any(l => SaslListenerFacts.SaslEnabled(context.SettingsOf(l.MasterService)));
        foreach (var (item, list, listeners, enabled) in items.Values)
        {
            if (enabled || (item.Origin!.Kind != ProvenanceKind.MasterCf && !forgotten))
            {
                continue;
            }

            var names = string.Join(", ", listeners.Select(l => $"`{l.Service}`"));
            var where = string.Join(", ", listeners.Select(l => context.Where("smtpd_sasl_auth_enable", l.MasterService)).Distinct(StringComparer.Ordinal));
            context.Report(Meta,
                $"`permit_sasl_authenticated` in {list} never matches: smtpd_sasl_auth_enable = no on {names} ({where}), so no client can authenticate there",
                item.Origin, help: "set smtpd_sasl_auth_enable = yes on the listener where users log in, or remove the permit");
        }
    }

    /// <summary>True when SASL settings other than the switch itself are written (the admin set SASL up and forgot to enable it).</summary>
    private static bool SaslConfigured(RuleContext context) =>
        context.Config.ExplicitParameters.Keys.Any(IsSaslSetting)
        || context.Listeners.Any(l => l.MasterService?.Overrides.Any(o => IsSaslSetting(o.Name)) == true);

    private static bool IsSaslSetting(string name) =>
        name.StartsWith("smtpd_sasl_", StringComparison.Ordinal) && name != "smtpd_sasl_auth_enable";
}
