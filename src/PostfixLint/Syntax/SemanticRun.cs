namespace PostfixLint.Syntax;

/// <summary>A range of a logical line, in logical offsets, that becomes tokens of one kind.</summary>
internal readonly record struct SemanticRun(SyntaxKind Kind, int Start, int End);
