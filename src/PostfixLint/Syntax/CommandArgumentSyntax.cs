namespace PostfixLint.Syntax;

/// <summary>One whitespace-separated (or <c>{...}</c>-grouped) word after the command field of a master.cf entry, as written.</summary>
/// <param name="Text">The word as it appears in the logical line, braces included.</param>
/// <param name="Span">Where the word is; it may cross lines when a <c>{...}</c> group does.</param>
public sealed record CommandArgumentSyntax(string Text, TextSpan Span);
