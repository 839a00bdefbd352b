namespace PostfixLint.Syntax.Tables;

/// <summary>One logical line of a lookup table source, with the pieces Postfix reads from it.</summary>
/// <param name="Kind">What the line is to Postfix.</param>
/// <param name="Line">1-based number of its first physical line (the number Postfix reports).</param>
/// <param name="Key">
/// The key as Postfix stores it before case folding: the raw key (quotes kept) for postmap sources, the internalized
/// name for aliases, the address pattern (after any <c>!</c>) for cidr, the pattern text for regexp/pcre.
/// </param>
/// <param name="KeySpan">Where the key or pattern is in the source (for a continued line, from its first to its last char).</param>
/// <param name="Value">The value or result text (empty for <c>if</c>, <c>endif</c> and skipped lines).</param>
/// <param name="ValueSpan">Where the value is in the source.</param>
/// <param name="Span">The whole logical line, continuation lines included, without the final line ending.</param>
public sealed record TableEntrySyntax(
    TableEntryKind Kind, int Line, string Key, TextSpan KeySpan, string Value, TextSpan ValueSpan, TextSpan Span)
{
    /// <summary>For cidr lines: true when an odd number of <c>!</c> negates the pattern.</summary>
    public bool Negated { get; init; }

    /// <summary>For regexp and pcre lines: the primary pattern.</summary>
    public RegexpPatternSyntax? Pattern { get; init; }

    /// <summary>For regexp lines of the obsolete form <c>/p1/!/p2/</c>: the second pattern.</summary>
    public RegexpPatternSyntax? SecondPattern { get; init; }
}
