using System.Text;
using System.Text.RegularExpressions;

namespace PostfixLint.Model.Tables;

/// <summary>
/// Rewrites a .NET pattern with the alternatives of every <c>|</c> in reverse order (groups and their numbers stay), to
/// see whether the choice between alternatives, which POSIX and .NET make differently, changes a match.
/// </summary>
internal static class AlternationReverser
{
    /// <summary>The reversed pattern with the same options, or null when it cannot be rewritten or compiled.</summary>
    public static Regex? TryReverse(Regex regex)
    {
        var pattern = regex.ToString();
        var position = 0;
        var reversed = Sequence(pattern, ref position);
        if (position != pattern.Length)
        {
            return null;
        }

        try
        {
            return new Regex(reversed, regex.Options & ~RegexOptions.Compiled, regex.MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Alternatives up to a closing parenthesis (not consumed) or the end, reversed.</summary>
    private static string Sequence(string pattern, ref int i)
    {
        var alternatives = new List<string>();
        var current = new StringBuilder();
        while (i < pattern.Length && pattern[i] != ')')
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                current.Append(c).Append(pattern[i + 1]);
                i += 2;
            }
            else if (c == '[')
            {
                var start = i++;
                if (i < pattern.Length && pattern[i] == '^')
                {
                    i++;
                }

                if (i < pattern.Length && pattern[i] == ']')
                {
                    i++;
                }

                while (i < pattern.Length && pattern[i] != ']')
                {
                    i += pattern[i] == '\\' ? 2 : 1;
                }

                i = Math.Min(i + 1, pattern.Length);
                current.Append(pattern, start, i - start);
            }
            else if (c == '(')
            {
                var start = i++;
                if (i < pattern.Length && pattern[i] == '?')
                {
                    // (?:, (?<name>, (?i: ...: keep the prefix up to its ':' or '>' as written.
                    while (i < pattern.Length && pattern[i] != ':' && pattern[i] != '>' && pattern[i] != ')')
                    {
                        i++;
                    }

                    if (i < pattern.Length && pattern[i] != ')')
                    {
                        i++;
                    }
                }

                current.Append(pattern, start, i - start);
                current.Append(Sequence(pattern, ref i));
                if (i < pattern.Length)
                {
                    current.Append(')');
                    i++;
                }
            }
            else if (c == '|')
            {
                alternatives.Add(current.ToString());
                current.Clear();
                i++;
            }
            else
            {
                current.Append(c);
                i++;
            }
        }

        alternatives.Add(current.ToString());
        alternatives.Reverse();
        return string.Join('|', alternatives);
    }
}
