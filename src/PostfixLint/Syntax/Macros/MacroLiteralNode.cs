
namespace PostfixLint.Syntax;

/// <summary>Text copied as is (a run without <c>$</c>).</summary>
/// <param name="Text">The text.</param>
/// <param name="Span">Its span relative to the value.</param>
public sealed record MacroLiteralNode(string Text, TextSpan Span) : MacroNode(Span);
