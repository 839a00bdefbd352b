using System.Net;
using System.Net.Sockets;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Model.Values;

namespace PostfixLint.Analysis.Rules.Networks;

/// <summary>One place <c>mynetworks</c> is read: main.cf's value, or a listener's <c>-o mynetworks=</c>, with its parsed entries.</summary>
/// <param name="Service">The listener whose <c>-o</c> sets it; null for main.cf (or the default).</param>
/// <param name="List">The value as read through the model, entries located in their source.</param>
internal sealed record MynetworksScope(MasterService? Service, TypedValue<NetworkList.Result> List)
{
    /// <summary>The value's entries, in list order.</summary>
    public IEnumerable<NetworkEntry> Entries => List.Value.Entries;

    /// <summary>True when the value is not written anywhere: Postfix computes it (<c>mynetworks_style</c>).</summary>
    public bool IsDefault => Service is null && List.Parameter.IsDefault;

    /// <summary>Each scope of <c>mynetworks</c>: main.cf, then every smtpd listener that overrides it with <c>-o</c>.</summary>
    /// <remarks>Read once per run: most network rules walk the same scopes.</remarks>
    public static IEnumerable<MynetworksScope> All(RuleContext context) => s_scopes.GetValue(context, Read);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RuleContext, IReadOnlyList<MynetworksScope>> s_scopes = new();

    private static IReadOnlyList<MynetworksScope> Read(RuleContext context)
    {
        var scopes = new List<MynetworksScope>();
        foreach (var service in RuleScopes.ParameterScopes(context, "mynetworks"))
        {
            if (context.Config.GetNetworkList("mynetworks", service) is { } list)
            {
                scopes.Add(new MynetworksScope(service, list));
            }
        }

        return scopes;
    }

    /// <summary>The smtpd listeners that read this value: the overriding one, or every listener without its own <c>-o mynetworks</c>.</summary>
    public IEnumerable<PostfixLint.Analysis.Relay.SmtpdListener> Listeners(RuleContext context) =>
        context.Listeners.Where(l => Service is null
            ? l.MasterService is null || !l.MasterService.Overrides.Any(o => string.Equals(o.Name, "mynetworks", StringComparison.Ordinal))
            : ReferenceEquals(l.MasterService, Service));

    /// <summary>What smtpd answers <paramref name="client"/> on <paramref name="listener"/> for the analysis' remote sender and recipient.</summary>
    public static Simulation.SimulationResult Probe(RuleContext context, PostfixLint.Analysis.Relay.SmtpdListener listener, string client) =>
        context.Simulator.Simulate(new Simulation.Probe(client, context.Relay.Inputs.RemoteSender, context.Relay.Inputs.RemoteRecipient)
        {
            Helo = context.Relay.Inputs.UnknownHelo,
            Service = listener.Service,
        });

    /// <summary>A fix inserting <paramref name="text"/> as a new list item right after <paramref name="entry"/>, when the entry is written literally.</summary>
    public static Fix? InsertAfter(NetworkEntry entry, string title, FixSafety safety, string text)
    {
        if (entry.Origin is not { Location: { } location, IsExpanded: false })
        {
            return null;
        }

        // A comma inside a master.cf -o value (no blanks allowed there), a space in main.cf.
        var separator = Path.GetFileName(location.Path) == "master.cf" ? "," : " ";
        return Fix.Create(title, safety, location.Path, TextEdit.Insert(location.Span.End, separator + text));
    }

    /// <summary>A simulator text with the configuration directory taken off its paths: <c>main.cf:3</c>, as the other messages say it.</summary>
    public static string Relative(RuleContext context, string text) =>
        text.Replace(Path.TrimEndingDirectorySeparator(context.Config.ConfigDirectory) + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

    /// <summary>The addresses an entry matches when it is a network or a bare IPv4 address; null for names, tables, files and invalid text.</summary>
    public static IPNetwork? NetworkOf(NetworkEntry entry) =>
        entry.Kind switch
        {
            NetworkEntryKind.Network => entry.Network,
            NetworkEntryKind.Address when entry.Address is { } address => new IPNetwork(address, 32),
            _ => null,
        };

    /// <summary>The number of addresses a prefix length leaves: 2^(bits − prefix).</summary>
    public static System.Numerics.BigInteger Size(IPNetwork network) =>
        System.Numerics.BigInteger.One << ((network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128) - network.PrefixLength);

    /// <summary>The network as Postfix writes it in mynetworks: <c>a.b.c.d/n</c>, <c>[v6]/n</c>.</summary>
    public static string Text(IPNetwork network) =>
        network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? network.ToString() : $"[{network.BaseAddress}]/{network.PrefixLength}";

    /// <summary>" (the default value)" for an entry Postfix computes, else empty: for messages.</summary>
    public static string DefaultNote(NetworkEntry entry) => entry.Origin?.Kind is ProvenanceKind.Default or ProvenanceKind.HostComputed ? " (the default value)" : "";

    /// <summary>A fix replacing the entry's pattern text (after any <c>!</c>) with <paramref name="text"/>, when the entry is written literally.</summary>
    public static Fix? ReplacePattern(NetworkEntry entry, string title, FixSafety safety, string text)
    {
        if (entry.Origin is not { Location: { } location, IsExpanded: false })
        {
            return null;
        }

        // Origin covers the whole element, '!'s included; the pattern is its tail.
        var span = new PostfixLint.Syntax.TextSpan(location.Span.End - entry.Text.Length, entry.Text.Length);
        return Fix.Create(title, safety, location.Path, TextEdit.Replace(span, text));
    }

    /// <summary>A fix deleting the entry and one separator, when that text is written literally.</summary>
    public static Fix? Remove(NetworkEntry entry, string title, FixSafety safety) =>
        entry.DeletionOrigin is { Location: { } location, IsExpanded: false }
            ? Fix.Create(title, safety, location.Path, TextEdit.Delete(location.Span))
            : null;
}
