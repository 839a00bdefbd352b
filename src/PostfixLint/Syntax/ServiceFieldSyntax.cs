namespace PostfixLint.Syntax;

/// <summary>One of the eight fixed fields of a master.cf service entry, as written (braces are not removed here).</summary>
/// <param name="Text">The field text.</param>
/// <param name="Span">Where the field is.</param>
public sealed record ServiceFieldSyntax(string Text, TextSpan Span);
