namespace PostfixLint.Syntax.Grammar;

/// <summary>A parsed network list element; spans are relative to the element text.</summary>
/// <param name="Negations">How many leading <c>!</c>.</param>
/// <param name="Shape">What the pattern is.</param>
/// <param name="PatternSpan">The pattern after the <c>!</c>s.</param>
/// <param name="Map">The table for <see cref="NetworkElementShape.Table"/> when it is a well-formed <c>type:name</c>; offsets relative to the pattern.</param>
internal sealed record NetworkElementSyntax(int Negations, NetworkElementShape Shape, TextSpan PatternSpan, MapReferenceSyntax? Map);
