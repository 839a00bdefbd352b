using PostfixLint.Diagnostics;
using PostfixLint.Model;

namespace PostfixLint.Analysis.Rules.Restrictions;

/// <summary>
/// PFL201: neither smtpd_relay_restrictions nor smtpd_recipient_restrictions has a working relay guard, so smtpd
/// refuses to start (smtpd_check_init(), the simulator's start-up check).
/// </summary>
internal sealed class RelayRestrictionsWithoutGuard : Rule
{
    private static readonly string[] s_parameters = ["smtpd_relay_restrictions", "smtpd_recipient_restrictions", "smtpd_restriction_classes"];

    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL201", "relay-restrictions-without-guard", "No working relay guard: smtpd refuses to start",
        DiagnosticSeverity.Error, RuleCategory.Restrictions, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var service in RestrictionLists.Scopes(context))
        {
            if (service is null ? !MainCfRuns(context) : !service.Overrides.Any(o => s_parameters.Contains(o.Name)))
            {
                continue;
            }

            // The simulator's smtpd_check_init(): has_required() over both lists, through restriction classes.
            var listener = RestrictionLists.NewListener(context, service);
            if (listener.HasRelayGuard || listener.StartupCycle is not null)
            {
                // A class cycle kills smtpd before this check can fail: PFL202 reports that.
                continue;
            }

            var target = Target(context, service);
            var relay = string.Join(", ", listener.Settings.GetList("smtpd_relay_restrictions"));
            var recipient = string.Join(", ", listener.Settings.GetList("smtpd_recipient_restrictions"));
            var on = service is null ? "" : $" on listener {service.Name}";
            context.Report(Meta,
                $"smtpd{on} refuses to start: neither smtpd_relay_restrictions (`{relay}`) nor smtpd_recipient_restrictions (`{recipient}`) "
                + "stops relaying (fatal: in parameter smtpd_relay_restrictions or smtpd_recipient_restrictions, specify at least one working "
                + "instance of: reject_unauth_destination, defer_unauth_destination, reject, defer, defer_if_permit or check_relay_domains)",
                target is null ? null : context.LocateParameter(target, service),
                Target(context, service, nonEmpty: true) is { } fixTarget ? AddGuard(context, service, fixTarget) : null,
                help: "add reject_unauth_destination after the permit_* restrictions of your own clients (a guard after an unconditional `permit` does not count)",
                notes: listener.Startup.Notes);
        }
    }

    /// <summary>True when some smtpd service runs with main.cf's relay settings (no master.cf, or a service without overrides of them).</summary>
    private static bool MainCfRuns(RuleContext context) =>
        context.Config.MasterCf is null
        || context.Config.Services.Any(s => Path.GetFileName(s.Command) == "smtpd" && !s.Overrides.Any(o => s_parameters.Contains(o.Name)));

    /// <summary>
    /// The list the finding points at (and the fix edits): smtpd_relay_restrictions when written for this scope, else
    /// smtpd_recipient_restrictions; with <paramref name="nonEmpty"/>, a list written empty (<c>smtpd_relay_restrictions =</c>,
    /// the pre-2.10 style) is passed over, so the guard goes into the list that holds the permits.
    /// </summary>
    private static string? Target(RuleContext context, MasterService? service, bool nonEmpty = false)
    {
        foreach (var name in s_parameters[..2])
        {
            if (context.Config.GetRestrictionList(name, service) is { } typed
                && !(nonEmpty && typed.Value.IsEmpty)
                && typed.Parameter.Provenance.Kind is not (ProvenanceKind.Default or ProvenanceKind.HostComputed)
                && (service is null || service.Overrides.Any(o => o.Name == name) || !service.Overrides.Any(o => s_parameters[..2].Contains(o.Name))))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Inserts reject_unauth_destination before the first unconditional <c>permit</c>, else at the end of the list.</summary>
    private static Fix? AddGuard(RuleContext context, MasterService? service, string name)
    {
        if (context.Config.GetRestrictionList(name, service) is not { Value.IsEmpty: false } typed)
        {
            return null;
        }

        var list = new ScopedList(service, name, typed, RestrictionLists.NewListener(context, service), IsClass: false);
        var separator = RestrictionLists.Separator(context, list);
        var title = $"Add `reject_unauth_destination` to {name}";
        // Unsafe: smtpd does not run today, so there is no behaviour to keep; but clients that reach the guard without
        // being permitted before it lose relaying (the trailing `permit` or the end of the list let them), and only the
        // admin knows whether one of them (a content filter's re-injection, say) must keep it.
        var permit = typed.Value.FirstOrDefault(r => !r.WarnIfReject && r.NormalizedName == "permit");
        if (permit is not null)
        {
            return RestrictionLists.Literal(list, permit.FullSpan) is { } at
                ? Fix.Create(title, FixSafety.Unsafe, at.Path, TextEdit.Insert(at.Span.Start, "reject_unauth_destination" + separator))
                : null;
        }

        return RestrictionLists.Literal(list, typed.Value[^1].FullSpan) is { } end
            ? Fix.Create(title, FixSafety.Unsafe, end.Path, TextEdit.Insert(end.Span.End, separator + "reject_unauth_destination"))
            : null;
    }
}
