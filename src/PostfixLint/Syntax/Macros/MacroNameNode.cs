
namespace PostfixLint.Syntax;

/// <summary>A plain reference <c>$name</c>, <c>${name}</c> or <c>$(name)</c>.</summary>
/// <param name="Name">The parameter name (empty for <c>${ }</c>, which Postfix accepts and looks up as "").</param>
/// <param name="NameSpan">The span of the name alone.</param>
/// <param name="Bracket">How the reference is written.</param>
/// <param name="Span">From the <c>$</c> through the closing bracket.</param>
public sealed record MacroNameNode(string Name, TextSpan NameSpan, MacroBracket Bracket, TextSpan Span) : MacroNode(Span);
