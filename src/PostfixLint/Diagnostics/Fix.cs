using System.Collections.Immutable;

namespace PostfixLint.Diagnostics;

/// <summary>A titled set of edits that resolves a diagnostic, with how safe it is to apply.</summary>
/// <remarks>
/// Edits are of the documents' original text and are kept sorted by path (ordinal), then start, then end, so the
/// same fix always compares and applies the same way. Whether they conflict is decided when they are applied
/// (<see cref="TextEditApplier"/>): a fix whose own edits overlap is rejected there, never merged.
/// </remarks>
public sealed class Fix
{
    private Fix(string title, FixSafety safety, ImmutableArray<DocumentEdit> edits)
    {
        Title = title;
        Safety = safety;
        Edits = edits;
    }

    /// <summary>What the fix does, as an imperative (<c>Remove `0.0.0.0/0` from `mynetworks`</c>).</summary>
    public string Title { get; }

    /// <summary>Whether the fix may be applied without asking.</summary>
    public FixSafety Safety { get; }

    /// <summary>The edits, sorted by path, then start, then end; ties keep the order they were given in.</summary>
    public ImmutableArray<DocumentEdit> Edits { get; }

    /// <summary>The paths of the documents the fix changes, in order.</summary>
    public IEnumerable<string> Paths => Edits.Select(e => e.Path).Distinct(StringComparer.Ordinal);

    /// <summary>Creates a fix from edits of any number of documents.</summary>
    public static Fix Create(string title, FixSafety safety, IEnumerable<DocumentEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(edits);
        var sorted = edits
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Edit.Span.Start)
            .ThenBy(e => e.Edit.Span.End)
            .ToImmutableArray();
        foreach (var edit in sorted)
        {
            ArgumentNullException.ThrowIfNull(edit.Path, nameof(edits));
            ArgumentNullException.ThrowIfNull(edit.Edit.NewText, nameof(edits));
        }

        return new Fix(title, safety, sorted);
    }

    /// <summary>Creates a fix whose edits all change the document at <paramref name="path"/>.</summary>
    public static Fix Create(string title, FixSafety safety, string path, params IEnumerable<TextEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(edits);
        return Create(title, safety, edits.Select(e => new DocumentEdit(path, e)));
    }

    /// <summary>The edits of the document at <paramref name="path"/>, sorted by start.</summary>
    public IEnumerable<TextEdit> EditsFor(string path) =>
        Edits.Where(e => string.Equals(e.Path, path, StringComparison.Ordinal)).Select(e => e.Edit);

    /// <inheritdoc />
    public override string ToString() => $"{Title} ({Safety}, {Edits.Length} edit(s))";
}
