namespace PostfixLint.Syntax;

/// <summary>One token of a lossless syntax tree: a kind and the span of text it covers.</summary>
/// <param name="Kind">What the text is.</param>
/// <param name="Span">Where the text is in the source.</param>
public readonly record struct SyntaxToken(SyntaxKind Kind, TextSpan Span)
{
    /// <summary>The text of this token in <paramref name="source"/>.</summary>
    public string GetText(string source) => source.Substring(Span.Start, Span.Length);
}
