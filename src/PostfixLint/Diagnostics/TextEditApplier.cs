using System.Collections.Immutable;
using System.Text;

namespace PostfixLint.Diagnostics;

/// <summary>Applies edits to a document's original text, refusing edits that overlap instead of merging them.</summary>
public static class TextEditApplier
{
    /// <summary>Applies <paramref name="edits"/> (offsets into <paramref name="text"/>) all at once.</summary>
    /// <returns>The edited text; or, when any two edits conflict, the original text and every conflicting pair.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An edit's span lies outside <paramref name="text"/>.</exception>
    public static TextEditResult Apply(string text, IEnumerable<TextEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);
        var sorted = Sort(edits);
        foreach (var edit in sorted)
        {
            if (edit.Span.Start < 0 || edit.Span.Length < 0 || edit.Span.End > text.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(edits), $"edit {edit} lies outside a text of length {text.Length}");
            }

            ArgumentNullException.ThrowIfNull(edit.NewText, nameof(edits));
        }

        var conflicts = FindConflicts(sorted);
        if (!conflicts.IsEmpty)
        {
            return new TextEditResult(text, conflicts);
        }

        var builder = new StringBuilder(text.Length + sorted.Sum(e => e.NewText.Length - e.Span.Length));
        var position = 0;
        foreach (var edit in sorted)
        {
            builder.Append(text, position, edit.Span.Start - position).Append(edit.NewText);
            position = edit.Span.End;
        }

        builder.Append(text, position, text.Length - position);
        return new TextEditResult(builder.ToString(), []);
    }

    /// <summary>
    /// Applies <paramref name="fixes"/> in order to the <paramref name="documents"/> (original texts by path): a fix is
    /// applied whole or not at all, and is skipped when its edits conflict with each other or with a fix applied before.
    /// </summary>
    public static FixApplication ApplyFixes(IReadOnlyDictionary<string, string> documents, IEnumerable<Fix> fixes)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(fixes);
        var accepted = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        var applied = ImmutableArray.CreateBuilder<Fix>();
        var skipped = ImmutableArray.CreateBuilder<Fix>();
        foreach (var fix in fixes)
        {
            if (CanApply(documents, accepted, fix))
            {
                foreach (var (path, edit) in fix.Edits)
                {
                    if (!accepted.TryGetValue(path, out var list))
                    {
                        accepted[path] = list = [];
                    }

                    list.Add(edit);
                }

                applied.Add(fix);
            }
            else
            {
                skipped.Add(fix);
            }
        }

        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in documents)
        {
            // The edits were checked pairwise above, so applying them cannot conflict.
            result[path] = accepted.TryGetValue(path, out var edits) ? Apply(text, edits).Text : text;
        }

        return new FixApplication(result.ToImmutable(), applied.ToImmutable(), skipped.ToImmutable());
    }

    private static bool CanApply(IReadOnlyDictionary<string, string> documents, Dictionary<string, List<TextEdit>> accepted, Fix fix)
    {
        foreach (var group in fix.Edits.GroupBy(e => e.Path, StringComparer.Ordinal))
        {
            if (!documents.TryGetValue(group.Key, out var text))
            {
                return false;
            }

            var edits = group.Select(e => e.Edit).ToList();
            if (edits.Any(e => e.Span.Start < 0 || e.Span.Length < 0 || e.Span.End > text.Length))
            {
                return false;
            }

            if (!FindConflicts(Sort(edits)).IsEmpty)
            {
                return false;
            }

            if (accepted.TryGetValue(group.Key, out var previous) && edits.Any(e => previous.Any(e.ConflictsWith)))
            {
                return false;
            }
        }

        return true;
    }

    private static ImmutableArray<TextEdit> Sort(IEnumerable<TextEdit> edits) =>
        [.. edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End)];

    // Sorted by start, then end: an edit can only conflict with its predecessor (two insertions at one offset are
    // adjacent) or with the earlier edit that reaches furthest (any other overlap also overlaps that one).
    private static ImmutableArray<TextEditConflict> FindConflicts(ImmutableArray<TextEdit> sorted)
    {
        var conflicts = ImmutableArray.CreateBuilder<TextEditConflict>();
        var furthest = -1;
        for (var i = 1; i < sorted.Length; i++)
        {
            var previous = i - 1;
            if (furthest < 0 || sorted[previous].Span.End > sorted[furthest].Span.End)
            {
                furthest = previous;
            }

            var current = sorted[i];
            if (current.ConflictsWith(sorted[previous]))
            {
                conflicts.Add(new TextEditConflict(sorted[previous], current));
            }
            else if (furthest != previous && current.ConflictsWith(sorted[furthest]))
            {
                conflicts.Add(new TextEditConflict(sorted[furthest], current));
            }
        }

        return conflicts.ToImmutable();
    }
}
