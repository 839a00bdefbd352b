using PostfixLint.Diagnostics;
using PostfixLint.Model.Values;

namespace PostfixLint.Analysis.Rules.Restrictions;

/// <summary>PFL203: a permit that grants relaying to a client placed after reject_unauth_destination in the same list.</summary>
internal sealed class PermitAfterRejectUnauthDestination : Rule
{
    // The permits whose purpose is to let a known client relay. permit_dnswl_client and permit_rhswl_client are
    // meant to come after reject_unauth_destination (postconf(5)), and `permit` there is the usual list end.
    private static readonly HashSet<string> s_relayPermits = new(StringComparer.Ordinal)
    {
        "permit_mynetworks", "permit_sasl_authenticated", "permit_tls_clientcerts", "permit_tls_all_clientcerts", "permit_inet_interfaces",
    };

    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL203", "permit-after-reject-unauth-destination", "A client permit comes after reject_unauth_destination",
        DiagnosticSeverity.Error, RuleCategory.Restrictions, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var reported = new HashSet<(string?, int)>();
        foreach (var list in RestrictionLists.All(context))
        {
            var items = list.Items;
            var guard = -1;
            for (var i = 0; i < items.Length; i++)
            {
                var item = items[i];
                if (guard < 0)
                {
                    if (!item.WarnIfReject && item.NormalizedName is "reject_unauth_destination" or "defer_unauth_destination")
                    {
                        guard = i;
                    }
                }
                else if (!item.WarnIfReject && s_relayPermits.Contains(item.NormalizedName)
                    && !items[..guard].Any(r => r.NormalizedName == item.NormalizedName)
                    && reported.Add((item.Origin?.Location?.Path, item.Origin?.Location?.Span.Start ?? i)))
                {
                    Report(context, list, guard, i);
                }

                if (RestrictionLists.EndsList(item))
                {
                    break;
                }
            }
        }
    }

    private static void Report(RuleContext context, ScopedList list, int guardIndex, int index)
    {
        var items = list.Items;
        var guard = items[guardIndex];
        var item = items[index];

        // Safe only when nothing but other misplaced permits sits between the guard and the permit: then the move just
        // restores the intended order. Otherwise the moved permit also lets its clients skip the restrictions in between.
        var onlyPermitsBetween = items[(guardIndex + 1)..index].All(r => s_relayPermits.Contains(r.NormalizedName));
        var fix = RestrictionLists.Move(context, list, item, guard,
            $"Move `{item.Name}` before `{guard.Name}`", onlyPermitsBetween ? FixSafety.Safe : FixSafety.Unsafe);
        context.Report(Meta,
            $"`{item.Name}` comes after `{guard.Name}` in {list.Label}: a client it should let relay is refused "
            + $"(Relay access denied) by `{guard.Name}` before `{item.Name}` is reached",
            item.Origin, fix, help: $"put `{item.Name}` before `{guard.Name}`");
    }
}
