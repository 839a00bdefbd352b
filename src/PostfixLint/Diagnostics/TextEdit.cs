using PostfixLint.Syntax;

namespace PostfixLint.Diagnostics;

/// <summary>Replaces the text of <see cref="Span"/> in a document's original text with <see cref="NewText"/>.</summary>
/// <param name="Span">The original text replaced; empty for an insertion.</param>
/// <param name="NewText">The text put in its place; empty for a deletion.</param>
public readonly record struct TextEdit(TextSpan Span, string NewText)
{
    /// <summary>Inserts <paramref name="text"/> at <paramref name="offset"/>.</summary>
    public static TextEdit Insert(int offset, string text) => new(new TextSpan(offset, 0), text);

    /// <summary>Deletes the text of <paramref name="span"/>.</summary>
    public static TextEdit Delete(TextSpan span) => new(span, string.Empty);

    /// <summary>Replaces the text of <paramref name="span"/> with <paramref name="text"/>.</summary>
    public static TextEdit Replace(TextSpan span, string text) => new(span, text);

    /// <summary>True when the edit removes nothing.</summary>
    public bool IsInsertion => Span.IsEmpty;

    /// <summary>
    /// True when this edit and <paramref name="other"/> cannot both be applied to one text unambiguously: their spans
    /// share a character, one inserts strictly inside the other's span, or both insert at the same offset.
    /// </summary>
    /// <remarks>An insertion at either end of a replaced span does not conflict with it, nor do adjacent replacements.</remarks>
    public bool ConflictsWith(TextEdit other)
    {
        if (IsInsertion && other.IsInsertion)
        {
            return Span.Start == other.Span.Start;
        }

        if (IsInsertion)
        {
            return Span.Start > other.Span.Start && Span.Start < other.Span.End;
        }

        if (other.IsInsertion)
        {
            return other.Span.Start > Span.Start && other.Span.Start < Span.End;
        }

        return Span.OverlapsWith(other.Span);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Span} -> \"{NewText}\"";
}
