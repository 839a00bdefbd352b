using PostfixLint.Syntax;

namespace PostfixLint.Model;

/// <summary>One <c>$name</c> reference that an expanded item was reached through.</summary>
/// <param name="Name">The parameter the reference names.</param>
/// <param name="ReferencedFrom">The parameter whose value holds the reference.</param>
/// <param name="ValueSpan">The whole reference (<c>$name</c>, <c>${name}</c>, ...) in that parameter's unexpanded value.</param>
/// <param name="Location">Where the reference is written; null when that value is a default.</param>
public sealed record MacroExpansionStep(string Name, string ReferencedFrom, TextSpan ValueSpan, SourceLocation? Location);
