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
        DiagnosticSeverity.Warning, RuleCategory.SaslTls, FixAvailability.Sometimes);

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
                item.Origin, EnableFix(context, item, list, listeners),
                help: "set smtpd_sasl_auth_enable = yes on the listener where users log in, or remove the permit");
        }
    }

    /// <summary>
    /// Turns SASL on where the permit is read: the listener's <c>-o smtpd_sasl_auth_enable</c> (set to yes, or added after
    /// the list's <c>-o</c>) for a master.cf item of one listener; main.cf's line (set to yes, or added after the first SASL
    /// setting written there) when SASL is set up but enabled nowhere. Null when that place is not written literally.
    /// </summary>
    /// <remarks>
    /// Unsafe: every client with valid credentials of the SASL backend may then relay through the permit; that is what the
    /// permit is for, but it widens who relays, and a backend that is not set up makes every AUTH fail.
    /// </remarks>
    private static Fix? EnableFix(RuleContext context, Restriction item, string list, List<SmtpdListener> listeners)
    {
        const string Name = "smtpd_sasl_auth_enable";
        const string Title = "Set smtpd_sasl_auth_enable = yes";
        MasterService service;
        if (item.Origin!.Kind == ProvenanceKind.MasterCf)
        {
            if (listeners.Select(l => l.MasterService).Distinct().Count() != 1 || listeners[0].MasterService is not { } only)
            {
                return null;
            }

            service = only;
            if (!only.Overrides.Any(o => o.Name == Name))
            {
                return SaslListenerFacts.AddSettingAfter(context, list, service, Name, "yes", Title, FixSafety.Unsafe);
            }
        }
        else
        {
            return EnableInMainCf(context, Name);
        }

        return SaslListenerFacts.ValueLocation(context, Name, service) is { } value
            ? Fix.Create(Title, FixSafety.Unsafe, value.Path, TextEdit.Replace(value.Span, "yes"))
            : null;
    }

    /// <summary>
    /// main.cf's <c>smtpd_sasl_auth_enable = yes</c> (the line set to yes, or added after the first SASL setting), with
    /// <c>smtpd_tls_auth_only = yes</c> after it when that is not written: SASL turned on coherently, no password before
    /// STARTTLS (what PFL305 asks). An explicit <c>smtpd_tls_auth_only</c> is the admin's choice and stays.
    /// </summary>
    private static Fix? EnableInMainCf(RuleContext context, string name)
    {
        const string AuthOnly = "smtpd_tls_auth_only";
        var addAuthOnly = !context.Config.ExplicitParameters.ContainsKey(AuthOnly);
        var title = addAuthOnly ? $"Set {name} = yes and {AuthOnly} = yes" : $"Set {name} = yes";
        if (!context.Config.ExplicitParameters.ContainsKey(name))
        {
            var anchor = context.Config.ExplicitParameters.Keys.Where(IsSaslSetting)
                .Where(k => context.Config.GetParameter(k)?.Provenance is { Kind: ProvenanceKind.MainCf, Span: not null })
                .OrderBy(k => context.Config.GetParameter(k)!.Provenance.Span!.Value.Start).FirstOrDefault();
            if (anchor is null || context.Config.GetParameter(anchor)!.Provenance is not { File: { } path, Span: { } line }
                || context.DocumentText(path) is not { } text)
            {
                return null;
            }

            var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            var added = $"{newline}{name} = yes" + (addAuthOnly ? $"{newline}{AuthOnly} = yes" : "");
            return Fix.Create(title, FixSafety.Unsafe, path, TextEdit.Insert(line.End, added));
        }

        if (SaslListenerFacts.ValueLocation(context, name, null) is not { } value
            || context.Config.GetParameter(name)?.Provenance is not { Kind: ProvenanceKind.MainCf, Span: { } definition }
            || context.DocumentText(value.Path) is not { } document)
        {
            return null;
        }

        // The new line goes right after the value when the value ends the definition; else only the switch is set.
        var lineEnding = document.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        return addAuthOnly && value.Span.End == definition.End
            ? Fix.Create(title, FixSafety.Unsafe, value.Path, TextEdit.Replace(value.Span, $"yes{lineEnding}{AuthOnly} = yes"))
            : Fix.Create($"Set {name} = yes", FixSafety.Unsafe, value.Path, TextEdit.Replace(value.Span, "yes"));
    }

    /// <summary>True when SASL settings other than the switch itself are written (the admin set SASL up and forgot to enable it).</summary>
    private static bool SaslConfigured(RuleContext context) =>
        context.Config.ExplicitParameters.Keys.Any(IsSaslSetting)
        || context.Listeners.Any(l => l.MasterService?.Overrides.Any(o => IsSaslSetting(o.Name)) == true);

    private static bool IsSaslSetting(string name) =>
        name.StartsWith("smtpd_sasl_", StringComparison.Ordinal) && name != "smtpd_sasl_auth_enable";
}
