using System.Collections.Immutable;
using PostfixLint.Syntax;

namespace PostfixLint.Model.Values;

/// <summary>Splits list values the way Postfix's <c>mystrtokq(", \t\r\n", "{}")</c> does (<c>src/util/mystrtok.c</c>).</summary>
internal static class PostfixList
{
    /// <summary>The separator set CHARS_COMMA_SP.</summary>
    public const string Separators = ", \t\r\n";

    /// <summary>Elements separated by runs of commas and white space; separators inside (nested) braces do not split.</summary>
    /// <remarks>An unbalanced <c>{</c> swallows the rest of the value into one element, as in Postfix.</remarks>
    public static ImmutableArray<ListElement> Split(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        // Two passes: the first counts and bounds the elements, so the array is built once, at its size, and each
        // element knows its neighbours' bounds (a value may hold 10^5 elements).
        var bounds = new List<(int Start, int End)>();
        var i = 0;
        while (Next(value, ref i, out var start))
        {
            bounds.Add((start, i));
        }

        var result = ImmutableArray.CreateBuilder<ListElement>(bounds.Count);
        string? previous = null;
        for (var n = 0; n < bounds.Count; n++)
        {
            var (start, end) = bounds[n];

            // A repeated element shares the previous one's text (a doubling chain names one domain 10^5 times).
            var text = previous is not null && value.AsSpan(start, end - start).SequenceEqual(previous) ? previous : value[start..end];
            previous = text;
            result.Add(new ListElement(text, TextSpan.FromBounds(start, end))
            {
                SeparatorBefore = n == 0 ? new TextSpan(start, 0) : TextSpan.FromBounds(bounds[n - 1].End, start),
                SeparatorAfter = n == bounds.Count - 1 ? new TextSpan(end, 0) : TextSpan.FromBounds(end, bounds[n + 1].Start),
            });
        }

        return result.MoveToImmutable();
    }

    // One element from i on: false at the end of the value; otherwise its start, with i at its end.
    private static bool Next(string value, ref int i, out int start)
    {
        while (i < value.Length && Separators.Contains(value[i]))
        {
            i++;
        }

        start = i;
        if (i >= value.Length)
        {
            return false;
        }

        var level = 0;
        for (; i < value.Length; i++)
        {
            var ch = value[i];
            if (ch == '{')
            {
                level++;
            }
            else if (level > 0 && ch == '}')
            {
                level--;
            }
            else if (level == 0 && Separators.Contains(ch))
            {
                break;
            }
        }

        return true;
    }
}
