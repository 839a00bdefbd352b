using System.Text;
using System.Text.RegularExpressions;

namespace PostfixLint.Analysis.Relay;

/// <summary>
/// Builds one short witness for the common shapes of table patterns (anchors, literals, escapes, <c>.</c>, classes,
/// groups with alternatives, <c>? * + {n,m}</c>) and keeps it only when .NET's engine confirms it matches.
/// </summary>
/// <remarks>
/// Not an automaton: a pattern it cannot read (back-references, look-around, negated classes it cannot satisfy)
/// yields no witness, and the caller reports that the pattern's keys were not covered.
/// </remarks>
internal sealed class ShortestPatternWitnesses : IPatternWitnessSource
{
    /// <inheritdoc />
    public IReadOnlyList<string> Witnesses(string body, string flags, bool pcre)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(flags);
        var position = 0;
        string? witness;
        try
        {
            witness = Alternation(body, ref position);
        }
        catch (FormatException)
        {
            return [];
        }

        if (witness is null || position != body.Length)
        {
            return [];
        }

        try
        {
            // regexp_table(5)/pcre_table(5): matching is case-insensitive unless the i flag toggles it.
            var options = flags.Count(c => c == 'i') % 2 == 0 ? RegexOptions.IgnoreCase : RegexOptions.None;
            return Regex.IsMatch(witness, body, options | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)) ? [witness] : [];
        }
        catch (ArgumentException)
        {
            return [];
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
    }

    private static string? Alternation(string text, ref int position)
    {
        var first = Sequence(text, ref position);
        while (position < text.Length && text[position] == '|')
        {
            position++;
            var other = Sequence(text, ref position);
            first ??= other;
        }

        return first;
    }

    private static string? Sequence(string text, ref int position)
    {
        var builder = new StringBuilder();
        while (position < text.Length && text[position] is not '|' and not ')')
        {
            var atom = Atom(text, ref position);
            if (atom is null)
            {
                return null;
            }

            var (min, _) = Quantifier(text, ref position);
            for (var i = 0; i < min; i++)
            {
                builder.Append(atom);
            }
        }

        return builder.ToString();
    }

    private static string? Atom(string text, ref int position)
    {
        var c = text[position++];
        switch (c)
        {
            case '^' or '$':
                return "";
            case '.':
                return "x";
            case '(':
                if (position < text.Length && text[position] == '?')
                {
                    // (?:...) is fine; look-around and other extensions are not read.
                    if (position + 1 < text.Length && text[position + 1] == ':')
                    {
                        position += 2;
                    }
                    else
                    {
                        return null;
                    }
                }

                var inner = Alternation(text, ref position);
                if (position >= text.Length || text[position] != ')')
                {
                    throw new FormatException("unbalanced group");
                }

                position++;
                return inner;
            case '[':
                return CharacterClass(text, ref position);
            case '\\':
                if (position >= text.Length)
                {
                    throw new FormatException("trailing backslash");
                }

                var escaped = text[position++];
                return escaped switch
                {
                    'd' => "0",
                    'w' => "x",
                    's' => " ",
                    'b' or 'B' or 'A' or 'z' or 'Z' => "",
                    _ when char.IsLetterOrDigit(escaped) => null,
                    _ => escaped.ToString(),
                };
            case '*' or '+' or '?' or '{':
                throw new FormatException("quantifier without an atom");
            default:
                return c.ToString();
        }
    }

    private static string? CharacterClass(string text, ref int position)
    {
        var negated = position < text.Length && text[position] == '^';
        if (negated)
        {
            position++;
        }

        var members = new List<char>();
        var start = position;
        while (position < text.Length && (text[position] != ']' || position == start))
        {
            if (text[position] == '[' && position + 1 < text.Length && text[position + 1] == ':')
            {
                var end = text.IndexOf(":]", position, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new FormatException("bad class");
                }

                members.Add(text[(position + 2)..end] switch { "digit" => '0', "space" => ' ', "alpha" or "alnum" or "lower" => 'x', "upper" => 'X', _ => 'x' });
                position = end + 2;
                continue;
            }

            if (text[position] == '\\' && position + 1 < text.Length)
            {
                position++;
            }

            members.Add(text[position++]);
        }

        if (position >= text.Length)
        {
            throw new FormatException("unterminated class");
        }

        position++;
        if (!negated)
        {
            return members.Count == 0 ? null : members[0].ToString();
        }

        foreach (var candidate in "x0-. @")
        {
            if (!members.Contains(candidate))
            {
                return candidate.ToString();
            }
        }

        return null;
    }

    private static (int Min, int Max) Quantifier(string text, ref int position)
    {
        if (position >= text.Length)
        {
            return (1, 1);
        }

        switch (text[position])
        {
            case '*':
                position++;
                SkipLazy(text, ref position);
                return (0, int.MaxValue);
            case '+':
                position++;
                SkipLazy(text, ref position);
                return (1, int.MaxValue);
            case '?':
                position++;
                SkipLazy(text, ref position);
                return (0, 1);
            case '{':
                var end = text.IndexOf('}', position);
                if (end < 0)
                {
                    return (1, 1);
                }

                var inside = text[(position + 1)..end].Split(',');
                if (!int.TryParse(inside[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var min))
                {
                    return (1, 1);
                }

                position = end + 1;
                SkipLazy(text, ref position);
                return (min, int.MaxValue);
            default:
                return (1, 1);
        }
    }

    private static void SkipLazy(string text, ref int position)
    {
        if (position < text.Length && text[position] is '?' or '+')
        {
            position++;
        }
    }
}
