using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PostfixLint.Diagnostics;
using PostfixLint.Model.Values;

namespace PostfixLint.Analysis.Rules.Networks;

/// <summary>PFL107: an IPv6 address or network written without brackets in mynetworks, which Postfix reads as a <c>type:name</c> table.</summary>
internal sealed class MynetworksUnbracketedIpv6 : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL107", "mynetworks-unbracketed-ipv6", "mynetworks has an IPv6 address without [brackets]",
        DiagnosticSeverity.Error, RuleCategory.Networks, FixAvailability.Always);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var scope in MynetworksScope.All(context))
        {
            var entries = scope.Entries.ToList();
            for (var index = 0; index < entries.Count; index++)
            {
                var entry = entries[index];
                if (entry.Kind != NetworkEntryKind.Table || Bracketed(entry.Text) is not { } bracketed)
                {
                    continue;
                }

                // match_list.c MATCH_DICTIONARY(): any pattern with ':' that does not start with '[' is a table.
                // dict_open3(): an empty type is fatal when smtpd starts; any other type is unknown, so the table is a
                // surrogate whose every lookup fails (verified on Postfix 3.7.11: "unsupported dictionary type: 2001",
                // "mynetworks: 2001:db8:1::/48: table lookup problem", 451 4.3.0).
                var colon = entry.Text.IndexOf(':', StringComparison.Ordinal);
                var effect = colon == 0
                    ? $"smtpd exits when it starts (fatal: open dictionary: expecting \"type:name\" form instead of \"{entry.Text}\"), so no client gets an SMTP session"
                    : $"Postfix reads it as a table of the unknown type `{entry.Text[..colon]}`, and every client not matched by an earlier entry gets `451 4.3.0 <recipient>: Temporary lookup failure` from permit_mynetworks";
                context.Report(Meta,
                    $"mynetworks{MynetworksScope.DefaultNote(entry)} has the IPv6 address `{entry.Text}` without brackets: {effect}",
                    entry.Origin,
                    // Safe: the bracketed form is the only way to write what the text says, and the entry does nothing useful today.
                    // An exclusion that an earlier entry covers would exclude nothing once readable (PFL108): it moves before it.
                    (entry.IsNegated ? ExclusionFix(context, entries, index, bracketed) : null)
                        ?? MynetworksScope.ReplacePattern(entry, $"Write `{entry.Text}` as `{bracketed}`", FixSafety.Safe, bracketed),
                    help: "IPv6 addresses in mynetworks are written in brackets: [2001:db8::]/32, [::1]/128");
            }
        }
    }

    /// <summary>
    /// For an unbracketed exclusion that an earlier entry covers (written readable, or itself an unbracketed IPv6 entry):
    /// the exclusion, bracketed, moved before that entry, since match_list.c stops at the first match and the exclusion
    /// would otherwise exclude nothing. Null when there is no such entry or the text is not written literally.
    /// </summary>
    private static Fix? ExclusionFix(RuleContext context, List<NetworkEntry> entries, int index, string bracketed)
    {
        var exclusion = entries[index];
        if (NetworkOfText(bracketed) is not { } excluded || exclusion.DeletionOrigin is not { Location: { } deletion, IsExpanded: false })
        {
            return null;
        }

        var cover = entries.Take(index).FirstOrDefault(e => !e.IsNegated
            && (MynetworksScope.NetworkOf(e) ?? (e.Kind == NetworkEntryKind.Table && Bracketed(e.Text) is { } b ? NetworkOfText(b) : null)) is { } network
            && network.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6
            && network.PrefixLength <= excluded.PrefixLength && network.Contains(excluded.BaseAddress));
        if (cover?.Origin is not { Location: { } at, IsExpanded: false } || at.Path != deletion.Path)
        {
            return null;
        }

        // The separator the exclusion's deletion takes with it (", "), so the list keeps its style.
        var separator = context.DocumentText(at.Path) is { } text && deletion.Span.End <= text.Length
            && text.Substring(deletion.Span.Start, deletion.Span.Length).Replace("!" + exclusion.Text, "", StringComparison.Ordinal) is { Length: > 0 } gap
            && gap.All(c => c is ' ' or '\t' or ',')
                ? gap
                : Path.GetFileName(at.Path) == "master.cf" ? "," : " ";
        return Fix.Create($"Write `!{exclusion.Text}` as `!{bracketed}` before `{cover.Text}`", FixSafety.Safe, at.Path,
            TextEdit.Insert(at.Span.Start, "!" + bracketed + separator), TextEdit.Delete(deletion.Span));
    }

    /// <summary>The network a bracketed IPv6 pattern (<c>[a::b]</c>, <c>[a::]/48</c>) stands for.</summary>
    private static IPNetwork? NetworkOfText(string bracketed)
    {
        var close = bracketed.IndexOf(']', StringComparison.Ordinal);
        var address = IPAddress.Parse(bracketed[1..close]);
        var length = close + 1 < bracketed.Length ? int.Parse(bracketed.AsSpan(close + 2), CultureInfo.InvariantCulture) : 128;
        try
        {
            return new IPNetwork(address, length);
        }
        catch (ArgumentException)
        {
            // Host bits set (2001:db8::5/48): the entry matches nothing useful either way; leave it to the plain fix.
            return null;
        }
    }

    /// <summary>The bracketed form of an unbracketed IPv6 address or <c>address/length</c>; null when the text is not one.</summary>
    private static string? Bracketed(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(address, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6
            || address.Contains('%', StringComparison.Ordinal))
        {
            return null;
        }

        if (slash < 0)
        {
            return $"[{address}]";
        }

        return int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length <= 128
            ? $"[{address}]/{length}"
            : null;
    }
}
