
namespace PostfixLint.Syntax;

/// <summary>A conditional <c>${name?text}</c>, <c>${name:text}</c>, <c>${name?{text}:{text}}</c> (or the <c>$(...)</c> forms).</summary>
/// <param name="Name">The tested parameter name.</param>
/// <param name="NameSpan">The span of the name alone.</param>
/// <param name="Bracket">How the expression is written.</param>
/// <param name="IfDefined">The text after <c>?</c>, used when the parameter is non-empty; null when absent.</param>
/// <param name="IfUndefined">The text after <c>:</c>, used when the parameter is undefined or empty; null when absent.</param>
/// <param name="Span">From the <c>$</c> through the closing bracket.</param>
public sealed record MacroConditionalNode(string Name, TextSpan NameSpan, MacroBracket Bracket, MacroText? IfDefined, MacroText? IfUndefined, TextSpan Span)
    : MacroNode(Span);
