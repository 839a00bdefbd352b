using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Networks;

/// <summary>PFL102: a mynetworks entry covers more globally routable addresses than a /24 (IPv4) or /48 (IPv6).</summary>
internal sealed class MynetworksIncludesPublicRange : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL102", "mynetworks-includes-public-range", "mynetworks covers a wide globally routable range",
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
                // The whole space is PFL101's; a near miss of a private block is PFL104's.
                if (entry.IsNegated || MynetworksScope.NetworkOf(entry) is not { PrefixLength: > 0 } network
                    || AddressSpaceFacts.NarrowerPrivateBlock(network) is not null)
                {
                    continue;
                }

                var (_, count) = AddressSpaceFacts.UntrustedPublic(context, network);
                if (count <= AddressSpaceFacts.WideLimit(network.BaseAddress.AddressFamily))
                {
                    continue;
                }

                var limit = network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "/24" : "/48";
                context.Report(Meta,
                    $"mynetworks{MynetworksScope.DefaultNote(entry)} includes `{entry.Text}`, {AddressSpaceFacts.Count(count)} globally routable addresses (more than a {limit}), so every client there may relay through permit_mynetworks",
                    entry.Origin,
                    // Unsafe: clients that relied on the range lose relay access; only the admin knows which should keep it.
                    MynetworksScope.Remove(entry, $"Remove `{entry.Text}` from mynetworks", FixSafety.Unsafe),
                    help: "list only your own clients' networks, and declare public ones in the policy's mayRelay");
            }
        }
    }
}
