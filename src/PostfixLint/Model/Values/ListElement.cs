using PostfixLint.Syntax;

namespace PostfixLint.Model.Values;

/// <summary>One element of a Postfix list value, with where it sits in the value.</summary>
/// <param name="Text">The element text, braces kept intact.</param>
/// <param name="Span">Its span relative to the start of the value.</param>
public readonly record struct ListElement(string Text, TextSpan Span);
