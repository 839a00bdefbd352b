using System.Collections.Immutable;
using PostfixLint.Syntax;

namespace PostfixLint.Model;

/// <summary>Where the text of one item of an expanded value comes from.</summary>
/// <remarks>
/// An item written in the value itself has an empty <see cref="ExpandedThrough"/>. An item that came from another
/// parameter's value through <c>$name</c> points at that parameter's text and lists the references it was reached
/// through, outermost first. An item whose text Postfix computes (a built-in default, a default computed from the
/// host) has no <see cref="Location"/>: <see cref="Kind"/> says which.
/// </remarks>
/// <param name="Parameter">The parameter whose unexpanded value holds the text.</param>
/// <param name="Kind">Where that parameter's value comes from (main.cf, a master.cf <c>-o</c>, a default, ...).</param>
/// <param name="ValueSpan">The text in <paramref name="Parameter"/>'s unexpanded value.</param>
/// <param name="Location">The same text in its document; null when the value is not written in a file.</param>
/// <param name="ExpandedThrough">The <c>$name</c> references from the value that was read down to <paramref name="Parameter"/>.</param>
public sealed record ValueOrigin(
    string Parameter,
    ProvenanceKind Kind,
    TextSpan ValueSpan,
    SourceLocation? Location,
    ImmutableArray<MacroExpansionStep> ExpandedThrough)
{
    /// <summary>
    /// True when part of the item's text came from <c>$name</c> references inside <see cref="ValueSpan"/> (as in
    /// <c>foo$bar</c>), so the span covers the references rather than the text they gave.
    /// </summary>
    public bool ContainsExpansion { get; init; }

    /// <summary>True when the text is not written literally in the value that was read.</summary>
    public bool IsExpanded => !ExpandedThrough.IsEmpty || ContainsExpansion;

    /// <summary>True when the text is written in a document (not a default or a computed value).</summary>
    public bool HasSource => Location is not null;
}
