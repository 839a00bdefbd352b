using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Restrictions;

/// <summary>PFL204: restrictions after an unconditional <c>permit</c>, <c>reject</c> or <c>defer</c>, which smtpd never evaluates.</summary>
/// <remarks>generic_checks() stops at the first restriction that decides; smtpd logs "restriction `x' after `permit' is ignored".</remarks>
internal sealed class RestrictionAfterUnconditionalDecision : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL204", "restriction-after-unconditional-decision", "Restrictions after an unconditional permit, reject or defer are never evaluated",
        DiagnosticSeverity.Warning, RuleCategory.Restrictions, FixAvailability.None);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var reported = new HashSet<(string?, int)>();
        foreach (var list in RestrictionLists.All(context))
        {
            var items = list.Items;
            var end = 0;
            while (end < items.Length && !RestrictionLists.EndsList(items[end]))
            {
                end++;
            }

            if (end >= items.Length - 1)
            {
                continue;
            }

            var first = items[end + 1];
            var location = first.Origin?.Location;
            if (!reported.Add((location?.Path, location?.Span.Start ?? -1)) && location is not null)
            {
                continue;
            }

            var more = items.Length - end - 2;
            var what = more == 0 ? $"`{first.FirstToken}`" : $"`{first.FirstToken}` and {more} more restriction{(more == 1 ? "" : "s")}";
            context.Report(Meta,
                $"{what} after `{items[end].Name}` in {list.Label} {(more == 0 ? "is" : "are")} never evaluated: smtpd stops at `{items[end].Name}` for every client",
                first.Origin, help: $"move what should apply before `{items[end].Name}`, or remove it");
        }
    }
}
