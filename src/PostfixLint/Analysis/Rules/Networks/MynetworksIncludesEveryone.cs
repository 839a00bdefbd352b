using PostfixLint.Diagnostics;
using PostfixLint.Model.Values;

namespace PostfixLint.Analysis.Rules.Networks;

/// <summary>PFL101: <c>mynetworks</c> (of main.cf or of a listener's <c>-o</c>) matches every IPv4 or every IPv6 client.</summary>
internal sealed class MynetworksIncludesEveryone : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL101", "mynetworks-includes-everyone", "mynetworks matches every client address",
        DiagnosticSeverity.Error, RuleCategory.Networks, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var service in RuleScopes.ParameterScopes(context, "mynetworks"))
        {
            if (context.Config.GetNetworkList("mynetworks", service) is not { } list)
            {
                continue;
            }

            foreach (var entry in list.Value.Entries)
            {
                if (entry.IsNegated || entry.Network is not { PrefixLength: 0 } network)
                {
                    continue;
                }

                var everyone = network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "every IPv4 client" : "every IPv6 client";
                var where = entry.Origin?.Kind == Model.ProvenanceKind.Default ? " (the default value)" : "";
                context.Report(Meta, $"mynetworks{where} includes `{entry.Text}`, so {everyone} may relay through permit_mynetworks",
                    entry.Origin, RemoveFix(entry), help: "list only the networks of your own clients");
            }
        }
    }

    private static Fix? RemoveFix(NetworkEntry entry) =>
        entry.DeletionOrigin?.Location is { } location && !entry.DeletionOrigin.IsExpanded
            // Unsafe: clients that relied on the wide range lose relay access; only the admin knows which ones should keep it.
            ? Fix.Create($"Remove `{entry.Text}` from mynetworks", FixSafety.Unsafe, location.Path, TextEdit.Delete(location.Span))
            : null;
}
