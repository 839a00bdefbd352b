using PostfixLint.Syntax;

namespace PostfixLint.Model;

/// <summary>A warning or fatal error about the configuration, worded exactly as <c>postconf</c> words it.</summary>
/// <param name="Severity">Whether Postfix warns or stops.</param>
/// <param name="Text">The message without the program prefix, e.g. <c>/etc/postfix/main.cf: unused parameter: foo=bar</c>.</param>
/// <param name="File">The file the message is about, when there is one.</param>
/// <param name="Span">The text in <paramref name="File"/> that caused it, when known.</param>
public sealed record ConfigMessage(DiagnosticSeverity Severity, string Text, string? File = null, TextSpan? Span = null);
