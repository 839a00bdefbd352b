using System.Text;

namespace PostfixLint.Syntax.Tables;

/// <summary>The result text of a regexp or pcre rule, parsed as <c>mac_parse()</c> (<c>src/util/mac_parse.c</c>) parses it.</summary>
internal sealed class Replacement
{
    private readonly List<(string Text, int Group)> _parts;

    private Replacement(List<(string Text, int Group)> parts, int maxSub, string? error, List<string> warnings)
    {
        _parts = parts;
        MaxSub = maxSub;
        Error = error;
        Warnings = warnings;
    }

    /// <summary>The highest <c>$n</c> used; 0 when the text is literal.</summary>
    public int MaxSub { get; }

    /// <summary>The skip message (without the map prefix) when the text is unusable.</summary>
    public string? Error { get; }

    /// <summary>Warnings <c>mac_parse()</c> logs without any map prefix.</summary>
    public List<string> Warnings { get; }

    /// <summary>Parses <paramref name="text"/>; <paramref name="type"/> is <c>regexp</c> or <c>pcre</c> (unused in texts today).</summary>
    public static Replacement Prescan(string text, string type)
    {
        _ = type;
        var parts = new List<(string, int)>();
        var warnings = new List<string>();
        var literal = new StringBuilder();
        var maxSub = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '$')
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '$')
            {
                literal.Append('$');
                i += 2;
                continue;
            }

            if (literal.Length > 0)
            {
                parts.Add((literal.ToString(), 0));
                literal.Clear();
            }

            i++;
            string name;
            if (i < text.Length && text[i] is '{' or '(')
            {
                var open = text[i];
                var close = open == '{' ? '}' : ')';
                var level = 1;
                var e = i + 1;
                for (; level > 0; e++)
                {
                    if (e >= text.Length)
                    {
                        warnings.Add($"truncated macro reference: \"{text}\"");
                        return new Replacement(parts, maxSub, "bad replacement syntax: skipping this rule", warnings);
                    }

                    if (text[e] == open)
                    {
                        level++;
                    }

                    if (text[e] == close)
                    {
                        level--;
                    }
                }

                name = text[(i + 1)..(e - 1)];
                i = e;
            }
            else
            {
                var e = i;
                while (e < text.Length && (char.IsAsciiLetterOrDigit(text[e]) || text[e] == '_'))
                {
                    e++;
                }

                name = text[i..e];
                i = e;
            }

            if (name.Length == 0)
            {
                warnings.Add($"empty macro name: \"{text}\"");
                return new Replacement(parts, maxSub, "bad replacement syntax: skipping this rule", warnings);
            }

            if (!name.All(char.IsAsciiDigit))
            {
                warnings.Add($"non-numeric replacement index \"{name}\"");
                return new Replacement(parts, maxSub, "bad replacement syntax: skipping this rule", warnings);
            }

            // atoi(): leading zeros are fine; an absurdly long number saturates.
            var n = int.TryParse(name, out var parsed) ? parsed : int.MaxValue;
            if (n < 1)
            {
                warnings.Add($"out of range replacement index \"{name}\"");
                return new Replacement(parts, maxSub, "bad replacement syntax: skipping this rule", warnings);
            }

            maxSub = Math.Max(maxSub, n);
            parts.Add((string.Empty, n));
        }

        if (literal.Length > 0)
        {
            parts.Add((literal.ToString(), 0));
        }

        return new Replacement(parts, maxSub, null, warnings);
    }

    /// <summary>The result for a match: literal text plus the matched groups (unmatched or empty groups add nothing).</summary>
    public string Expand(System.Text.RegularExpressions.Match match)
    {
        if (MaxSub == 0)
        {
            return _parts.Count == 0 ? string.Empty : string.Concat(_parts.Select(p => p.Text));
        }

        var builder = new StringBuilder();
        foreach (var (text, group) in _parts)
        {
            if (group == 0)
            {
                builder.Append(text);
            }
            else if (group < match.Groups.Count && match.Groups[group].Success)
            {
                builder.Append(match.Groups[group].Value);
            }
        }

        return builder.ToString();
    }
}
