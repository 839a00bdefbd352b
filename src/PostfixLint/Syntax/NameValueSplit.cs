namespace PostfixLint.Syntax;

/// <summary>The result of <c>split_nameval()</c> (<c>src/util/split_nameval.c</c>) as offsets into its input.</summary>
/// <param name="Error">Null on success, else Postfix's error text.</param>
/// <param name="NameEnd">End of the name (the name starts at the first non-space char, <paramref name="NameStart"/>).</param>
/// <param name="NameStart">Start of the name.</param>
/// <param name="EqualsAt">Offset of the <c>=</c>.</param>
/// <param name="ValueStart">Start of the value (leading blanks skipped).</param>
/// <param name="ValueEnd">End of the value (trailing blanks trimmed).</param>
internal readonly record struct NameValueSplit(string? Error, int NameStart, int NameEnd, int EqualsAt, int ValueStart, int ValueEnd)
{
    public const string MissingName = "missing attribute name";
    public const string MissingEquals = "missing '=' after attribute name";

    /// <summary>Splits <paramref name="text"/> (a C string: the caller cuts it at a NUL) into name and value.</summary>
    public static NameValueSplit Split(ReadOnlySpan<char> text)
    {
        var nameStart = 0;
        while (nameStart < text.Length && CharClass.IsSpace(text[nameStart]))
        {
            nameStart++;
        }

        if (nameStart == text.Length || text[nameStart] == '=')
        {
            return new NameValueSplit(MissingName, 0, 0, 0, 0, 0);
        }

        var nameEnd = nameStart;
        while (nameEnd < text.Length && !CharClass.IsSpace(text[nameEnd]) && text[nameEnd] != '=')
        {
            nameEnd++;
        }

        var equals = nameEnd;
        while (equals < text.Length && CharClass.IsSpace(text[equals]))
        {
            equals++;
        }

        if (equals == text.Length || text[equals] != '=')
        {
            return new NameValueSplit(MissingEquals, 0, 0, 0, 0, 0);
        }

        var valueStart = equals + 1;
        while (valueStart < text.Length && CharClass.IsSpace(text[valueStart]))
        {
            valueStart++;
        }

        var valueEnd = text.Length;
        while (valueEnd > valueStart && CharClass.IsSpace(text[valueEnd - 1]))
        {
            valueEnd--;
        }

        return new NameValueSplit(null, nameStart, nameEnd, equals, valueStart, valueEnd);
    }
}
