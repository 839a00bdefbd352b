
namespace PostfixLint.Syntax;

/// <summary>One piece of a parsed parameter value: literal text, <c>$$</c>, or a macro expression.</summary>
/// <param name="Span">Where the piece is, relative to the start of the parsed value.</param>
public abstract record MacroNode(TextSpan Span);
