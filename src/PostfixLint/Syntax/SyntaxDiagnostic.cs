namespace PostfixLint.Syntax;

/// <summary>A problem found while reading a file, pointing at the text that caused it.</summary>
/// <param name="Code">A stable identifier, <c>PFL0xx</c>.</param>
/// <param name="Severity">Whether Postfix warns or stops.</param>
/// <param name="Span">The offending text.</param>
/// <param name="Message">The message, worded as Postfix words it where Postfix has one.</param>
public sealed record SyntaxDiagnostic(string Code, DiagnosticSeverity Severity, TextSpan Span, string Message);
