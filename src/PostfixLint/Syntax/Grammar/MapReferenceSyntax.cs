namespace PostfixLint.Syntax.Grammar;

/// <summary>A parsed <c>type:name</c>; offsets are relative to the parsed text.</summary>
/// <param name="Type">The table type before the first colon.</param>
/// <param name="TypeSpan">Where the type is.</param>
/// <param name="Name">Everything after the first colon.</param>
/// <param name="NameSpan">Where the name is.</param>
/// <param name="IsBraced">True when the name is one balanced <c>{...}</c> group.</param>
/// <param name="Inner">For <c>proxy:type:name</c>, the table the proxy opens.</param>
internal sealed record MapReferenceSyntax(string Type, TextSpan TypeSpan, string Name, TextSpan NameSpan, bool IsBraced, MapReferenceSyntax? Inner)
{
    public TextSpan Span => TextSpan.FromBounds(TypeSpan.Start, NameSpan.End);
}
