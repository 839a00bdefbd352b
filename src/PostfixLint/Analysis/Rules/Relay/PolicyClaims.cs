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
}
