using System.Net.Sockets;
using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Networks;

/// <summary>PFL105: mynetworks trusts a whole private block (<c>10.0.0.0/8</c>, <c>172.16.0.0/12</c>, <c>192.168.0.0/16</c>, <c>fc00::/7</c>) or a large part of it.</summary>
internal sealed class MynetworksIncludesWholePrivateBlock : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL105", "mynetworks-includes-whole-private-block", "mynetworks trusts a whole private address block",
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
                if (entry.IsNegated || MynetworksScope.NetworkOf(entry) is not { } network)
                {
                    continue;
                }

                // The whole block, or inside it and wider than a /16 (IPv4) or a /8 of unique local space (IPv6).
                var widest = network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 16 : 8;
                var block = AddressSpaceFacts.PrivateBlocks.FirstOrDefault(p =>
                    p.BaseAddress.AddressFamily == network.BaseAddress.AddressFamily && p.PrefixLength <= network.PrefixLength
                    && p.Contains(network.BaseAddress) && (p.PrefixLength == network.PrefixLength || network.PrefixLength < widest));
                if (block == default || Declared(context, network))
                {
                    continue;
                }

                var which = block.PrefixLength == network.PrefixLength ? "the whole private block" : $"{AddressSpaceFacts.Count(MynetworksScope.Size(network))} addresses of the private block {MynetworksScope.Text(block)}";
                context.Report(Meta,
                    $"mynetworks{MynetworksScope.DefaultNote(entry)} includes `{entry.Text}`, {which}: every host on any network numbered from it may relay through permit_mynetworks",
                    entry.Origin,
                    help: "list the subnets your mail clients are on, or declare the block in the policy's mayRelay if every host there is meant to relay");
            }
        }
    }

    /// <summary>True when the policy's mayRelay declares <paramref name="network"/> (a client intent without a login that covers it).</summary>
    internal static bool Declared(RuleContext context, System.Net.IPNetwork network) =>
        context.Policy?.MayRelay.Any(i => i.SaslLogin is null && i.Client.BaseAddress.AddressFamily == network.BaseAddress.AddressFamily
                                          && i.Client.PrefixLength <= network.PrefixLength && i.Client.Contains(network.BaseAddress)) == true;
}
