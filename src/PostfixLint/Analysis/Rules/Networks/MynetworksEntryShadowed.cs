using System.Net;
using PostfixLint.Diagnostics;
using PostfixLint.Model.Values;

namespace PostfixLint.Analysis.Rules.Networks;

/// <summary>
/// PFL108: a mynetworks entry that never decides because an earlier entry already matches every client it matches:
/// a duplicate, a network inside an earlier one, or an <c>!exclusion</c> written after the entry that includes it.
/// </summary>
internal sealed class MynetworksEntryShadowed : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL108", "mynetworks-entry-shadowed", "A mynetworks entry is hidden by an earlier one",
        DiagnosticSeverity.Warning, RuleCategory.Networks, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var scope in MynetworksScope.All(context))
        {
            var entries = scope.Entries.ToList();
            for (var i = 1; i < entries.Count; i++)
            {
                var later = entries[i];
                // match_list_match(): patterns are tried left to right and the first match decides, '!' included.
                var earlier = entries.Take(i).FirstOrDefault(e => Covers(e, later));
                if (earlier is null)
                {
                    continue;
                }

                var earlierText = Written(earlier);
                if (later.IsNegated && !earlier.IsNegated)
                {
                    context.Report(Meta,
                        $"mynetworks{MynetworksScope.DefaultNote(later)} excludes `{later.Text}` after `{earlierText}`, which already matched those clients: the first match wins, so `{Written(later)}` excludes nothing",
                        later.Origin, MoveBefore(later, earlier),
                        help: "put an exclusion before the broader entry it carves out of");
                    continue;
                }

                var what = Same(earlier, later) ? "a duplicate of" : "inside";
                var verb = earlier.IsNegated == later.IsNegated ? "so it changes nothing" : "which excludes those clients first, so it never matches";
                context.Report(Meta,
                    $"mynetworks{MynetworksScope.DefaultNote(later)} entry `{Written(later)}` is {what} the earlier `{earlierText}`, {verb}",
                    later.Origin,
                    // Safe: an entry that an earlier one always decides for changes no answer when it goes.
                    MynetworksScope.Remove(later, $"Remove `{Written(later)}` from mynetworks", FixSafety.Safe),
                    help: "remove the redundant entry");
            }
        }
    }

    private static string Written(NetworkEntry entry) => new string('!', entry.NegationCount) + entry.Text;

    /// <summary>True when <paramref name="earlier"/> matches every client <paramref name="later"/> matches.</summary>
    private static bool Covers(NetworkEntry earlier, NetworkEntry later)
    {
        if (MynetworksScope.NetworkOf(earlier) is { } outer && MynetworksScope.NetworkOf(later) is { } inner)
        {
            return outer.BaseAddress.AddressFamily == inner.BaseAddress.AddressFamily
                   && outer.PrefixLength <= inner.PrefixLength && outer.Contains(inner.BaseAddress);
        }

        // Names and tables: only the very same text is certain to match the same clients.
        return earlier.Kind == later.Kind && earlier.Kind is NetworkEntryKind.Hostname or NetworkEntryKind.Table or NetworkEntryKind.File
               && Same(earlier, later);
    }

    private static bool Same(NetworkEntry a, NetworkEntry b) =>
        MynetworksScope.NetworkOf(a) is { } x && MynetworksScope.NetworkOf(b) is { } y
            ? x.Equals(y)
            : string.Equals(a.Text, b.Text, a.Kind == NetworkEntryKind.Hostname ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>Moves the exclusion to just before the entry that hides it, when both are written literally in the same value.</summary>
    private static Fix? MoveBefore(NetworkEntry exclusion, NetworkEntry earlier)
    {
        if (exclusion is not { DeletionOrigin: { Location: { } deletion, IsExpanded: false }, Origin: { Location: { } written, IsExpanded: false } }
            || earlier.Origin is not { Location: { } target, IsExpanded: false }
            || !string.Equals(deletion.Path, target.Path, StringComparison.Ordinal))
        {
            return null;
        }

        // A comma inside a master.cf -o value, a space in main.cf: the separator the file can hold.
        var separator = Path.GetFileName(target.Path) == "master.cf" ? "," : " ";
        // Unsafe: clients the exclusion names relay today and will not afterwards.
        return Fix.Create($"Move `{Written(exclusion)}` before `{Written(earlier)}`", FixSafety.Unsafe, target.Path,
            TextEdit.Insert(target.Span.Start, Written(exclusion) + separator), TextEdit.Delete(deletion.Span));
    }
}
