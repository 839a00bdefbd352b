
namespace PostfixLint.Syntax;

/// <summary>The escape <c>$$</c>, which expands to one <c>$</c>.</summary>
/// <param name="Span">The span of both dollar signs.</param>
public sealed record MacroDollarNode(TextSpan Span) : MacroNode(Span);
