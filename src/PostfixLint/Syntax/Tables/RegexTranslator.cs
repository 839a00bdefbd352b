using System.Text;
using System.Text.RegularExpressions;

namespace PostfixLint.Syntax.Tables;

/// <summary>Compiles regexp_table(5) (POSIX, glibc <c>regcomp()</c>) and pcre_table(5) (PCRE2) patterns to .NET regular expressions.</summary>
/// <remarks>
/// Differences from Postfix that remain: POSIX matching is leftmost-longest while .NET is leftmost-first, which can
/// change which alternative (and so which <c>$n</c> text) matches, never whether a pattern matches; PCRE features .NET
/// lacks (possessive quantifiers, <c>\K</c>, <c>\R</c>, <c>\h</c>, <c>(?|</c>, recursion) fail to compile and the rule
/// is reported and skipped, where Postfix would accept it; compile error texts are .NET's, not glibc's or PCRE2's.
/// </remarks>
internal static class RegexTranslator
{
    /// <summary>How long one match may run before it counts as runaway backtracking (PCRE2's match limit, in time).</summary>
    /// <remarks>
    /// PCRE2 stops a match after 10 million steps (<c>postmap -q</c> then warns "match limit exceeded", under a second);
    /// glibc's matcher does not backtrack exponentially at all. Real patterns on an address match in microseconds.
    /// </remarks>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>Compiles a pattern body with its flag characters; null and an error text when it cannot be compiled.</summary>
    public static Regex? TryCompile(string body, string flags, bool pcre, out string? error)
    {
        error = null;
        try
        {
            return pcre ? CompilePcre(body, flags) : CompilePosix(body, flags);
        }
        catch (RegexParseException exception)
        {
            error = Describe(exception.Error, exception.Offset);
            return null;
        }
        catch (ArgumentException)
        {
            error = "invalid regular expression";
            return null;
        }
    }

    /// <summary>
    /// The same pattern on .NET's non-backtracking engine (linear in the key), or null where that engine lacks a
    /// feature the pattern uses (back-references, look-around).
    /// </summary>
    public static Regex? TryNonBacktracking(Regex regex)
    {
        try
        {
            return new Regex(regex.ToString(), regex.Options | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
        }
        catch (NotSupportedException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A compile error in our words: the AOT build carries no .NET message texts, only the error kind.</summary>
    private static string Describe(RegexParseError error, int offset)
    {
        var words = new StringBuilder();
        foreach (var c in error.ToString())
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return $"{words} at offset {offset}";
    }

    /// <summary>The number of capturing groups (<c>re_nsub</c>, <c>PCRE2_INFO_CAPTURECOUNT</c>).</summary>
    public static int CaptureCount(Regex regex) => regex.GetGroupNumbers().Length - 1;

    private static Regex CompilePosix(string body, string flags)
    {
        // dict_regexp.c: REG_EXTENDED | REG_ICASE by default; i, m and x toggle REG_ICASE, REG_NEWLINE, REG_EXTENDED.
        bool icase = true, newline = false, extended = true;
        foreach (var flag in flags)
        {
            switch (flag)
            {
                case 'i': icase = !icase; break;
                case 'm': newline = !newline; break;
                case 'x': extended = !extended; break;
            }
        }

        var options = RegexOptions.CultureInvariant;
        options |= icase ? RegexOptions.IgnoreCase : RegexOptions.None;

        // Without REG_NEWLINE '.' matches a newline and ^/$ match only at the ends; with it, like .NET Multiline.
        options |= newline ? RegexOptions.Multiline : RegexOptions.Singleline;
        return new Regex(TranslatePosix(body, extended, newline), options, MatchTimeout);
    }

    private static Regex CompilePcre(string body, string flags)
    {
        // dict_pcre.c: PCRE2_CASELESS | PCRE2_DOTALL by default; i m s x A E U toggle options, X is obsolete.
        bool caseless = true, multiline = false, dotall = true, extended = false, anchored = false, dollarEndOnly = false, ungreedy = false;
        foreach (var flag in flags)
        {
            switch (flag)
            {
                case 'i': caseless = !caseless; break;
                case 'm': multiline = !multiline; break;
                case 's': dotall = !dotall; break;
                case 'x': extended = !extended; break;
                case 'A': anchored = !anchored; break;
                case 'E': dollarEndOnly = !dollarEndOnly; break;
                case 'U': ungreedy = !ungreedy; break;
            }
        }

        var options = RegexOptions.CultureInvariant;
        options |= caseless ? RegexOptions.IgnoreCase : RegexOptions.None;
        options |= multiline ? RegexOptions.Multiline : RegexOptions.None;
        options |= dotall ? RegexOptions.Singleline : RegexOptions.None;
        options |= extended ? RegexOptions.IgnorePatternWhitespace : RegexOptions.None;
        var pattern = TranslatePcre(body, dollarEndOnly && !multiline, ungreedy);
        return new Regex(anchored ? $"\\G(?:{pattern})" : pattern, options, MatchTimeout);
    }

    private static string TranslatePcre(string body, bool dollarEndOnly, bool ungreedy)
    {
        var output = new StringBuilder(body.Length + 8);
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length)
            {
                if (body[i + 1] == 'Q')
                {
                    // \Q...\E quotes literally; .NET has no such escape.
                    var end = body.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                    var literal = end < 0 ? body[(i + 2)..] : body[(i + 2)..end];
                    output.Append(Regex.Escape(literal));
                    i = end < 0 ? body.Length : end + 2;
                    continue;
                }

                output.Append(c).Append(body[i + 1]);
                i += 2;
                continue;
            }

            if (c == '[')
            {
                var end = ClassEnd(body, i);

                // PCRE accepts POSIX [:name:] inside a class; .NET does not.
                var cls = body[i..end];
                foreach (var name in new[] { "alpha", "digit", "alnum", "upper", "lower", "space", "blank", "punct", "print", "graph", "cntrl", "xdigit" })
                {
                    cls = cls.Replace($"[:{name}:]", PosixClass(name), StringComparison.Ordinal);
                }

                output.Append(cls);
                i = end;
                continue;
            }

            if (c == '$' && dollarEndOnly)
            {
                output.Append("\\z");
                i++;
                continue;
            }

            output.Append(c);
            i++;
            if (ungreedy && c is '*' or '+' or '?' or '}' && !(c == '?' && output.Length >= 2 && output[^2] == '('))
            {
                // PCRE2_UNGREEDY inverts greediness: a following '?' makes the quantifier greedy again.
                if (i < body.Length && body[i] == '?')
                {
                    i++;
                }
                else
                {
                    output.Append('?');
                }
            }
        }

        return output.ToString();
    }

    // The end (exclusive) of a PCRE class starting at '[': a ']' right after '[' or '[^' is literal.
    private static int ClassEnd(string body, int start)
    {
        var i = start + 1;
        if (i < body.Length && body[i] == '^')
        {
            i++;
        }

        if (i < body.Length && body[i] == ']')
        {
            i++;
        }

        while (i < body.Length && body[i] != ']')
        {
            if (body[i] == '\\')
            {
                i++;
            }
            else if (body[i] == '[' && i + 1 < body.Length && body[i + 1] == ':')
            {
                var close = body.IndexOf(":]", i + 2, StringComparison.Ordinal);
                if (close > 0)
                {
                    i = close + 1;
                }
            }

            i++;
        }

        return Math.Min(i + 1, body.Length);
    }

    private static string TranslatePosix(string body, bool extended, bool newline)
    {
        var output = new StringBuilder(body.Length + 8);
        var i = 0;
        var atStart = true;
        while (i < body.Length)
        {
            var c = body[i];
            if (c == '[')
            {
                i = TranslateBracket(body, i, output, newline);
                atStart = false;
                continue;
            }

            if (c == '\\' && i + 1 < body.Length)
            {
                var next = body[i + 1];
                i += 2;
                if (!extended && next is '(' or ')' or '{' or '}' or '|' or '+' or '?')
                {
                    // BRE: \( \) \{ \} are operators; glibc also reads \| \+ \? as GNU operators.
                    output.Append(next == '(' ? "(" : next.ToString());
                    atStart = next is '(' or '|';
                    continue;
                }

                var translated = next switch
                {
                    '<' => "\\b(?=\\w)",
                    '>' => "\\b(?<=\\w)",
                    '`' => "\\A",
                    '\'' => "\\z",
                    'w' or 'W' or 's' or 'S' or 'b' or 'B' => "\\" + next,
                    >= '1' and <= '9' => "\\" + next,
                    _ => null,
                };
                if (translated is null)
                {
                    // A run of the same escaped literal ("\.\.\." …) is counted like a run of ' ' below.
                    var run = 1;
                    while (i + 1 < body.Length && body[i] == '\\' && body[i + 1] == next)
                    {
                        run++;
                        i += 2;
                    }

                    AppendLiteralRun(output, Regex.Escape(next.ToString()), run);
                }
                else
                {
                    output.Append(translated);
                }

                atStart = false;
                continue;
            }

            i++;
            switch (c)
            {
                case '$':
                    output.Append(newline ? "(?=\\n|\\z)" : "\\z");
                    break;
                case '^':
                    output.Append(newline ? "(?<=\\A|\\n)" : "\\A");
                    break;
                case '.':
                    output.Append(newline ? "[^\\n]" : ".");
                    break;
                case '(' or ')' or '|' or '+' or '?' or '{' or '}' when !extended:
                    output.Append('\\').Append(c);
                    break;
                case '*' when atStart:
                    output.Append("\\*");
                    break;
                case ' ' or '#':
                {
                    var run = 1;
                    while (i < body.Length && body[i] == c)
                    {
                        run++;
                        i++;
                    }

                    AppendLiteralRun(output, "\\" + c, run);
                    break;
                }
                default:
                    output.Append(c);
                    break;
            }

            atStart = extended && c is '(' or '|';
        }

        return output.ToString();
    }

    /// <summary>Shortest run of one escaped literal written as a counted repeat instead of one escape per character.</summary>
    internal const int LiteralRunRepeatThreshold = 8;

    // .NET's parser turns each escaped character into its own node and folds it into the preceding literal by
    // copying that literal, so a 66 KB line of "\ \ \ …" costs gigabytes. A run of n is written "\ {n-1}\ ": one
    // loop node plus one character, the same strings matched, and a quantifier that follows the run (written after
    // it, as in the source) still applies to its last character only, as in POSIX.
    private static void AppendLiteralRun(StringBuilder output, string escaped, int run)
    {
        if (run < LiteralRunRepeatThreshold)
        {
            for (var k = 0; k < run; k++)
            {
                output.Append(escaped);
            }

            return;
        }

        output.Append(escaped).Append('{').Append(run - 1).Append('}').Append(escaped);
    }

    // A POSIX bracket expression: backslash is literal, [:class:] names a class, ']' first is literal.
    private static int TranslateBracket(string body, int start, StringBuilder output, bool newline)
    {
        var i = start + 1;
        var negate = i < body.Length && body[i] == '^';
        if (negate)
        {
            i++;
        }

        var set = new StringBuilder();
        var first = true;
        while (i < body.Length && (first || body[i] != ']'))
        {
            first = false;
            if (body[i] == '[' && i + 1 < body.Length && body[i + 1] is ':' or '=' or '.')
            {
                var kind = body[i + 1];
                var close = body.IndexOf(kind + "]", i + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    throw new ArgumentException("Unmatched [, [^, [:, [., or [=");
                }

                var name = body[(i + 2)..close];
                set.Append(kind == ':' ? PosixClass(name) : Regex.Escape(name).Replace("]", "\\]", StringComparison.Ordinal));
                i = close + 2;
                continue;
            }

            var ch = body[i];
            if (ch == '-' && set.Length > 0 && i + 1 < body.Length && body[i + 1] != ']')
            {
                set.Append('-');
            }
            else
            {
                set.Append(ch is '\\' or '[' or ']' or '^' or '-' ? "\\" + ch : ch.ToString());
            }

            i++;
        }

        if (i >= body.Length)
        {
            throw new ArgumentException("Unmatched [, [^, [:, [., or [=");
        }

        output.Append('[').Append(negate ? "^" : string.Empty).Append(set);
        if (negate && newline)
        {
            output.Append("\\n");
        }

        output.Append(']');
        return i + 1;
    }

    private static string PosixClass(string name) => name switch
    {
        "alpha" => "a-zA-Z",
        "digit" => "0-9",
        "alnum" => "a-zA-Z0-9",
        "upper" => "A-Z",
        "lower" => "a-z",
        "space" => " \\t\\n\\r\\f\\v",
        "blank" => " \\t",
        "punct" => "!-/:-@\\[-`{-~",
        "print" => " -~",
        "graph" => "!-~",
        "cntrl" => "\\x00-\\x1f\\x7f",
        "xdigit" => "0-9A-Fa-f",
        _ => throw new ArgumentException("Invalid character class name"),
    };
}
