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
        var result = ImmutableArray.CreateBuilder<ListElement>();
        var i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && Separators.Contains(value[i]))
            {
                i++;
            }

            if (i >= value.Length)
            {
                break;
            }

            var start = i;
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

            result.Add(new ListElement(value[start..i], TextSpan.FromBounds(start, i)));
        }

        for (var n = 0; n < result.Count; n++)
        {
            var span = result[n].Span;
            result[n] = result[n] with
            {
                SeparatorBefore = n == 0 ? new TextSpan(span.Start, 0) : TextSpan.FromBounds(result[n - 1].Span.End, span.Start),
                SeparatorAfter = n == result.Count - 1 ? new TextSpan(span.End, 0) : TextSpan.FromBounds(span.End, result[n + 1].Span.Start),
            };
        }

        return result.ToImmutable();
    }
}
