using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Restrictions;

/// <summary>PFL208: <c>defer_unauth_destination</c>, which answers relay attempts with a temporary 4xx instead of 554.</summary>
internal sealed class DeferUnauthDestination : Rule
{
    private static readonly string[] s_lists = ["smtpd_relay_restrictions", "smtpd_recipient_restrictions"];

    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL208", "defer-unauth-destination", "Relay attempts are deferred (4xx) rather than rejected",
        DiagnosticSeverity.Info, RuleCategory.Restrictions, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var reported = new HashSet<(string?, int)>();
        foreach (var list in RestrictionLists.All(context, classes: false).Where(l => s_lists.Contains(l.Name)))
        {
            foreach (var item in list.Items)
            {
                var location = item.Origin?.Location;
                if (item.WarnIfReject || item.NormalizedName != "defer_unauth_destination"
                    || (!reported.Add((location?.Path, location?.Span.Start ?? -1)) && location is not null))
                {
                    continue;
                }

                var code = list.Listener.Settings.GetInt("relay_domains_reject_code", 554);
                var fix = item.Origin is { IsExpanded: false, Location: { } at }
                    // Unsafe: a client that should relay but is not permitted yet (an address that changed) gets a
                    // permanent bounce instead of a retry; defer is the safety net while a configuration is tested.
                    ? Fix.Create($"Replace `{item.Name}` with `reject_unauth_destination`", FixSafety.Unsafe, at.Path, TextEdit.Replace(at.Span, "reject_unauth_destination"))
                    : null;
                context.Report(Meta,
                    $"`{item.Name}` in {list.Label} answers relay attempts with {code - 100} (try again later) rather than {code}: "
                    + "the sender's server keeps retrying for days instead of bouncing at once",
                    item.Origin, fix, help: "use reject_unauth_destination once the relay configuration is known to be right");
            }
        }
    }
}
