using System.Text.RegularExpressions;

namespace PostfixLint.Tests.Syntax;

/// <summary>A deliberately naive, independent model of readllines() + split_nameval(), for cross-checking the parser.</summary>
internal static partial class ReadllinesModel
{
    private const string Space = " \t\n\v\f\r";

    /// <summary>The (first line, name, value) of every valid parameter line, in order.</summary>
    public static List<(int Line, string Name, string Value)> Parameters(string text)
    {
        var result = new List<(int, string, string)>();
        var physical = text.Split('\n');
        if (text.EndsWith('\n'))
        {
            physical = physical[..^1];
        }

        string? current = null;
        var currentLine = 0;
        for (var i = 0; i < physical.Length; i++)
        {
            var line = physical[i];
            var trimmed = line.TrimStart(Space.ToCharArray());
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            if (Space.Contains(line[0]))
            {
                if (current is not null)
                {
                    current += line;
                }
                else
                {
                    // An orphan continuation: it and its own continuations are dropped.
                    current = null;
                    currentLine = -1;
                }

                continue;
            }

            Flush(result, current, currentLine);
            current = line;
            currentLine = i + 1;
        }

        Flush(result, current, currentLine);
        return result;
    }

    private static void Flush(List<(int, string, string)> result, string? logical, int line)
    {
        if (logical is null || line < 0)
        {
            return;
        }

        var nul = logical.IndexOf('\0');
        if (nul >= 0)
        {
            logical = logical[..nul];
        }

        var match = NameValue().Match(logical);
        if (match.Success)
        {
            result.Add((line, match.Groups["name"].Value, match.Groups["value"].Value));
        }
    }

    [GeneratedRegex(@"\A(?<name>[^ \t\n\v\f\r=]+)[ \t\n\v\f\r]*=[ \t\n\v\f\r]*(?<value>.*?)[ \t\n\v\f\r]*\z", RegexOptions.Singleline)]
    private static partial Regex NameValue();
}
