namespace PostfixLint.Syntax.Tables;

/// <summary>One <c>/pattern/flags</c> of a regexp or pcre table line, split as <c>dict_regexp_get_pat()</c>/<c>dict_pcre_get_pattern()</c> split it.</summary>
/// <param name="Matches">False when an odd number of <c>!</c> negates the pattern.</param>
/// <param name="Delimiter">The delimiter character (usually <c>/</c>).</param>
/// <param name="Body">The regular expression between the delimiters, backslashes kept.</param>
/// <param name="Flags">The flag characters after the closing delimiter.</param>
/// <param name="Span">The source span from the first <c>!</c> (or delimiter) to the last flag.</param>
public sealed record RegexpPatternSyntax(bool Matches, char Delimiter, string Body, string Flags, TextSpan Span);
