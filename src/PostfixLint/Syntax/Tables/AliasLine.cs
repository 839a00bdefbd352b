using System.Text;

namespace PostfixLint.Syntax.Tables;

/// <summary>An approximation of postalias(1)'s <c>tok822_scan()</c>-based split of one aliases(5) logical line.</summary>
/// <remarks>
/// Quoted strings, <c>(comments)</c> and backslash escapes are honoured when looking for the first <c>:</c>; the key
/// is internalized (quotes and comments removed), the value is re-externalized with <c>", "</c> between addresses.
/// Exotic RFC 822 forms (group syntax, route addresses) are not re-serialized exactly as <c>tok822_externalize()</c>.
/// </remarks>
internal readonly record struct AliasLine(string? Key, int KeyStart, int KeyEnd, string? Value, int ValueStart, int ValueEnd, string? Error)
{
    public static AliasLine Parse(ReadOnlySpan<char> text)
    {
        var colon = -1;
        var commaBefore = false;
        var localViolation = false;
        var key = new StringBuilder();
        var i = 0;
        while (i < text.Length && colon < 0)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    var end = SkipQuoted(text, i);
                    key.Append(Unescape(text[(i + 1)..Math.Max(i + 1, end - 1)]));
                    i = end;
                    continue;
                case '(':
                    i = SkipComment(text, i);
                    continue;
                case '\\':
                    if (i + 1 < text.Length)
                    {
                        key.Append(text[i + 1]);
                    }

                    i += 2;
                    continue;
                case ':':
                    colon = i;
                    break;
                case ',':
                    commaBefore = true;
                    break;
                case '@' or '%':
                    localViolation = true;
                    key.Append(c);
                    break;
                default:
                    if (!TableText.IsSpace(c))
                    {
                        key.Append(c);
                    }

                    break;
            }

            i++;
        }

        var valueStart = colon + 1;
        while (valueStart < text.Length && TableText.IsSpace(text[valueStart]))
        {
            valueStart++;
        }

        var valueEnd = text.Length;
        while (valueEnd > valueStart && TableText.IsSpace(text[valueEnd - 1]))
        {
            valueEnd--;
        }

        if (colon < 0 || key.Length == 0 || valueEnd <= valueStart || commaBefore)
        {
            return new AliasLine(null, 0, 0, null, 0, 0, "need name:value pair");
        }

        if (localViolation)
        {
            return new AliasLine(null, 0, 0, null, 0, 0, "name must be local");
        }

        var keyEnd = colon;
        while (keyEnd > 0 && TableText.IsSpace(text[keyEnd - 1]))
        {
            keyEnd--;
        }

        return new AliasLine(key.ToString(), 0, keyEnd, Externalize(text[valueStart..valueEnd]), valueStart, valueEnd, null);
    }

    private static string Externalize(ReadOnlySpan<char> value)
    {
        // tok822_externalize(): addresses separated by ", ", whitespace between tokens collapsed to one space.
        var parts = new List<string>();
        var current = new StringBuilder();
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c == '"')
            {
                var end = SkipQuoted(value, i);
                current.Append(value[i..end]);
                i = end;
                continue;
            }

            if (c == '(')
            {
                var end = SkipComment(value, i);
                current.Append(value[i..end]);
                i = end;
                continue;
            }

            if (c == ',')
            {
                parts.Add(current.ToString().Trim());
                current.Clear();
            }
            else if (TableText.IsSpace(c))
            {
                if (current.Length > 0 && current[^1] != ' ')
                {
                    current.Append(' ');
                }
            }
            else
            {
                current.Append(c);
            }

            i++;
        }

        parts.Add(current.ToString().Trim());
        return string.Join(", ", parts.Where(p => p.Length > 0));
    }

    private static int SkipQuoted(ReadOnlySpan<char> text, int start)
    {
        var i = start + 1;
        while (i < text.Length && text[i] != '"')
        {
            i += text[i] == '\\' ? 2 : 1;
        }

        return Math.Min(i + 1, text.Length);
    }

    private static int SkipComment(ReadOnlySpan<char> text, int start)
    {
        var level = 0;
        var i = start;
        while (i < text.Length)
        {
            if (text[i] == '\\')
            {
                i += 2;
                continue;
            }

            level += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            i++;
            if (level == 0)
            {
                break;
            }
        }

        return Math.Min(i, text.Length);
    }

    private static string Unescape(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }
}
