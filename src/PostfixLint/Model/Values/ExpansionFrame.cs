using PostfixLint.Syntax;

namespace PostfixLint.Model.Values;

/// <summary>The text of one parameter inside an expansion.</summary>
/// <param name="Parent">The frame whose text holds the reference; -1 for the expanded value itself.</param>
/// <param name="Name">The parameter name; null for the expanded value itself and for computed text.</param>
/// <param name="Reference">The <c>$name</c> reference in the parent frame's text.</param>
internal readonly record struct ExpansionFrame(int Parent, string? Name, TextSpan Reference);
