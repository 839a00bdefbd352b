using System.Collections.Immutable;

namespace PostfixLint.Syntax;

/// <summary>A nested piece of value text: a conditional branch or a relational operand, itself parsed into nodes.</summary>
/// <param name="Nodes">The parsed pieces.</param>
/// <param name="IsBraced">True for the <c>{text}</c> form; false when the text runs to the end of the expression.</param>
/// <param name="Span">The text without its braces, relative to the value.</param>
public sealed record MacroText(ImmutableArray<MacroNode> Nodes, bool IsBraced, TextSpan Span);
