namespace PostfixLint.Syntax.Tables;

/// <summary>Port of <c>dict_cidr_parse_rule()</c> (<c>src/util/dict_cidr.c</c>) for one logical line.</summary>
internal readonly record struct CidrLine(
    TableEntryKind Kind, bool Negated, int KeyStart, int KeyEnd, int ValueStart, int ValueEnd, string? Error)
{
    public static CidrLine Parse(ReadOnlySpan<char> text, int nesting)
    {
        var p = 0;
        var match = true;
        if (IsKeyword(text, "IF"))
        {
            p = 2;
            while (p < text.Length && (text[p] == '!' || TableText.IsSpace(text[p])))
            {
                match = text[p] == '!' ? !match : match;
                p++;
            }

            if (p >= text.Length)
            {
                return Fail("no address pattern");
            }

            var end = TrimEnd(text, p);
            var error = CidrText.Parse(text[p..end].ToString(), out _);
            return error is null
                ? new CidrLine(TableEntryKind.If, !match, p, end, end, end, null)
                : Fail(error);
        }

        if (IsKeyword(text, "ENDIF"))
        {
            p = 5;
            while (p < text.Length && TableText.IsSpace(text[p]))
            {
                p++;
            }

            if (p < text.Length)
            {
                return Fail("garbage after ENDIF");
            }

            return nesting == 0 ? Fail("ENDIF without IF") : new CidrLine(TableEntryKind.EndIf, false, 0, 5, 5, 5, null);
        }

        while (p < text.Length && (text[p] == '!' || TableText.IsSpace(text[p])))
        {
            match = text[p] == '!' ? !match : match;
            p++;
        }

        var keyStart = p;
        while (p < text.Length && !TableText.IsSpace(text[p]))
        {
            p++;
        }

        var keyEnd = p;
        if (p < text.Length)
        {
            p++;
        }

        while (p < text.Length && TableText.IsSpace(text[p]))
        {
            p++;
        }

        var valueEnd = TrimEnd(text, p);
        if (keyEnd == keyStart)
        {
            return Fail("no address pattern");
        }

        var parseError = CidrText.Parse(text[keyStart..keyEnd].ToString(), out _);
        if (parseError is not null)
        {
            return Fail(parseError);
        }

        return valueEnd == p
            ? Fail("no lookup result")
            : new CidrLine(TableEntryKind.Entry, !match, keyStart, keyEnd, p, valueEnd, null);
    }

    /// <summary><c>strncasecmp(p, word, n) == 0 &amp;&amp; !ISALNUM(p[n])</c>.</summary>
    internal static bool IsKeyword(ReadOnlySpan<char> text, string word) =>
        text.Length >= word.Length
        && text[..word.Length].Equals(word, StringComparison.OrdinalIgnoreCase)
        && (text.Length == word.Length || !char.IsAsciiLetterOrDigit(text[word.Length]));

    private static int TrimEnd(ReadOnlySpan<char> text, int start)
    {
        var end = text.Length;
        while (end > start && TableText.IsSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static CidrLine Fail(string error) => new(TableEntryKind.Skipped, false, 0, 0, 0, 0, error);
}
