using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Networks;

/// <summary>PFL104: a mynetworks entry is a private block with too short a prefix (<c>172.0.0.0/8</c>, <c>10.0.0.0/7</c>), so it covers public space too.</summary>
internal sealed class MynetworksBroaderThanPrivateBlock : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL104", "mynetworks-broader-than-private-block", "mynetworks has a range broader than the private block it contains",
        DiagnosticSeverity.Error, RuleCategory.Networks, FixAvailability.Sometimes);

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
                    || AddressSpaceFacts.NarrowerPrivateBlock(network) is not { } block)
                {
                    continue;
                }

                var (_, count) = AddressSpaceFacts.UntrustedPublic(context, network);
                if (count.IsZero)
                {
                    continue;
                }

                var blockText = MynetworksScope.Text(block);
                context.Report(Meta,
                    $"mynetworks{MynetworksScope.DefaultNote(entry)} includes `{entry.Text}`, which is broader than the private block {blockText}: it also covers {AddressSpaceFacts.Count(count)} globally routable addresses, and every client there may relay through permit_mynetworks",
                    entry.Origin,
                    // Unsafe: the intended range is a guess; clients outside the private block lose relay access. Display-only
                    // unless the policy declares the block: the whole block is itself too broad (PFL105), so applying the
                    // replacement would trade this finding for that one.
                    MynetworksScope.ReplacePattern(entry, $"Replace `{entry.Text}` with `{blockText}`",
                        MynetworksIncludesWholePrivateBlock.Declared(context, block) ? FixSafety.Unsafe : FixSafety.DisplayOnly, blockText),
                    help: $"did you mean {blockText}?");
            }
        }
    }
}
