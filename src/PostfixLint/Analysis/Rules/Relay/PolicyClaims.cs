using PostfixLint.Analysis.Relay;
using PostfixLint.Analysis.Rules.Maps;
using PostfixLint.Analysis.Rules.Networks;

namespace PostfixLint.Analysis.Rules.Relay;

/// <summary>
/// Policy violations that a more specific rule reports (with a fix), so the generic intent rules don't report them
/// a second time.
/// </summary>
internal static class PolicyClaims
{
    /// <summary>True when a specific rule reports <paramref name="violation"/>.</summary>
    public static bool IsClaimed(RuleContext context, PolicyViolation violation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(violation);
        return PolicyClientNotInMynetworks.IsMynetworksMiss(violation, out _)
               || SenderLoginMapOwnerMismatch.IsMapDecided(violation, out _)
               || (violation is { Kind: PolicyIntentKind.MayRelay, Unreachable: true } && PolicyClientCannotConnect.OnlyTheBindingStopsIt(context, violation.Probe));
    }

    /// <summary>Where an intent is written, for a message: <c>policy .postfix-lint.json:3:7</c>.</summary>
    public static string Where(RuleContext context, PolicyPosition position) =>
        context.Options.PolicySource is { } source ? $"policy {source}:{position}" : $"policy {position}";

    /// <summary>
    /// Reports each violation of the kinds <paramref name="kinds"/> accepts that no specific rule claims, one finding per
    /// intent and deciding place (the address ranges of one intent that fail the same way are counted in one message).
    /// </summary>
    public static void ReportUnclaimed(RuleContext context, RuleDescriptor rule, Func<PolicyIntentKind, bool> kinds, Func<PolicyIntentKind, string> help)
    {
        var violations = context.PolicyEvaluation.Violations.Where(v => kinds(v.Kind) && !IsClaimed(context, v));
        foreach (var group in violations.GroupBy(v => (v.Kind, v.Position, At: At(context, v))))
        {
            var violation = group.First();
            var more = group.Count() > 1 ? $" (and {group.Count() - 1} more address ranges of the same intent)" : "";
            context.Report(rule, $"{violation.Message}{more} ({Where(context, violation.Position)})", group.Key.At,
                help: help(violation.Kind), notes: RelayFindings.Trace(violation.Result));
        }
    }

    private static Model.SourceLocation? At(RuleContext context, PolicyViolation violation) =>
        violation.ClientClass is { } client
            ? RelayFindings.At(context, violation.Deciding, context.Listeners.FirstOrDefault(l => l.Service == violation.Probe.Service)?.MasterService, client.Representative)
            : RelayFindings.At(violation.Deciding);
}
