using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Networks;

/// <summary>PFL103: a mynetworks entry covers a few globally routable addresses (at most a /24 or /48) that the policy does not declare.</summary>
internal sealed class MynetworksIncludesUndeclaredPublicRange : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL103", "mynetworks-includes-undeclared-public-range", "mynetworks covers public addresses the policy does not declare",
        DiagnosticSeverity.Warning, RuleCategory.Networks);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var scope in MynetworksScope.All(context))
        {
            foreach (var entry in scope.Entries)
            {
                if (entry.IsNegated || MynetworksScope.NetworkOf(entry) is not { PrefixLength: > 0 } network
                    || AddressSpaceFacts.NarrowerPrivateBlock(network) is not null)
                {
                    continue;
                }

                var (classes, count) = AddressSpaceFacts.UntrustedPublic(context, network);
                if (count.IsZero || count > AddressSpaceFacts.WideLimit(network.BaseAddress.AddressFamily))
                {
                    continue;
                }

                var what = classes.Count == 1 && classes[0].Count == count && count.IsOne
                    ? $"the globally routable address {classes[0]}"
                    : $"{AddressSpaceFacts.Count(count)} globally routable addresses ({string.Join(", ", classes)})";
                var policy = context.Policy is null ? "no policy declares it" : "the policy's mayRelay does not list it";
                context.Report(Meta,
                    $"mynetworks{MynetworksScope.DefaultNote(entry)} includes `{entry.Text}`, {what}: every client there may relay through permit_mynetworks, and {policy}",
                    entry.Origin,
                    help: $"if these clients are meant to relay, declare them in the policy: {{ \"mayRelay\": [ {{ \"client\": \"{network}\" }} ] }}");
            }
        }
    }
}
