using System.Buffers;
using System.Numerics;
using System.Text;

namespace PostfixLint.Syntax.Tables;

/// <summary>Text helpers shared by the table parsers and the fast loader, each a port of the Postfix code it names.</summary>
internal static class TableText
{
    /// <summary>Splits a postmap-format logical line as <c>postmap.c</c>/<c>dict_thash.c</c> do.</summary>
    /// <remarks>
    /// The key ends at the first whitespace outside double quotes; a backslash protects the next char; quotes stay
    /// in the key. The value starts after the whitespace run and loses its trailing whitespace.
    /// </remarks>
    public static PostmapSplit SplitPostmapLine(ReadOnlySpan<char> text) => SplitPostmapLine<char>(text);

    /// <summary>
    /// The same split over any single-unit text: chars for the syntax tree, raw bytes for the fast table loader
    /// (Latin-1 makes the two the same text).
    /// </summary>
    public static PostmapSplit SplitPostmapLine<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        var backslash = T.CreateTruncating('\\');
        var quote = T.CreateTruncating('"');
        var inQuotes = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == backslash)
            {
                if (++i >= text.Length)
                {
                    break;
                }
            }
            else if (IsSpace(c))
            {
                if (!inQuotes)
                {
                    break;
                }
            }
            else if (c == quote)
            {
                inQuotes = !inQuotes;
            }

            i++;
        }

        var keyEnd = Math.Min(i, text.Length);
        var valueStart = keyEnd < text.Length ? keyEnd + 1 : keyEnd;
        while (valueStart < text.Length && IsSpace(text[valueStart]))
        {
            valueStart++;
        }

        var valueEnd = text.Length;
        while (valueEnd > valueStart && IsSpace(text[valueEnd - 1]))
        {
            valueEnd--;
        }

        return new PostmapSplit(keyEnd, valueStart, valueEnd, inQuotes);
    }

    /// <summary>Postfix <c>ISSPACE()</c>: ASCII whitespace only.</summary>
    public static bool IsSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r');

    /// <summary>Postfix <c>ISSPACE()</c> over any single-unit text.</summary>
    public static bool IsSpace<T>(T c)
        where T : unmanaged, IBinaryInteger<T> =>
        c == T.CreateTruncating(' ') || (c >= T.CreateTruncating('\t') && c <= T.CreateTruncating('\r'));

    /// <summary>Key case folding of fixed-key tables under <c>DICT_FLAG_FOLD_FIX</c>.</summary>
    /// <remarks>
    /// ASCII keys are lowercased (<c>lowercase()</c>). Non-ASCII keys that are valid UTF-8 are case folded as
    /// <c>casefold()</c> does with ICU when <c>smtputf8_enable</c> is on (<see cref="FoldUnicode"/>).
    /// </remarks>
    public static string FoldKey(string key)
    {
        var ascii = true;
        var hasUpper = false;
        foreach (var c in key)
        {
            if (c > 0x7f)
            {
                ascii = false;
                break;
            }

            hasUpper |= c is >= 'A' and <= 'Z';
        }

        if (ascii)
        {
            return hasUpper ? string.Create(key.Length, key, static (span, k) =>
            {
                for (var i = 0; i < k.Length; i++)
                {
                    var c = k[i];
                    span[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
                }
            }) : key;
        }

        var bytes = Encoding.Latin1.GetBytes(key);
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return LowerAscii(key);
        }

        var folded = FoldUnicode(Encoding.UTF8.GetString(bytes));
        return Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(folded));
    }

    /// <summary>
    /// Text from outside the configuration (a probe's address, decoded Unicode) in the configuration's form: one char per
    /// byte of its UTF-8 encoding, as Postfix compares bytes. ASCII text is returned as it is.
    /// </summary>
    public static string Utf8Chars(string text) =>
        System.Text.Ascii.IsValid(text) ? text : Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));

    /// <summary>One-char-per-byte text (a line of a log or a probe file read as Latin-1) decoded when its bytes are UTF-8; other text as it is.</summary>
    public static string DecodeUtf8Chars(string byteChars)
    {
        if (System.Text.Ascii.IsValid(byteChars) || byteChars.AsSpan().IndexOfAnyExceptInRange('\u0000', '\u00ff') >= 0)
        {
            return byteChars;
        }

        var bytes = Encoding.Latin1.GetBytes(byteChars);
        return System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : byteChars;
    }

    /// <summary>
    /// The length of the valid UTF-8 sequence of one-char-per-byte chars that starts at <paramref name="start"/>; 0 when
    /// none starts there.
    /// </summary>
    public static int Utf8SequenceLength(ReadOnlySpan<char> text, int start)
    {
        var length = text[start] switch
        {
            >= '\u00c2' and <= '\u00df' => 2,
            >= '\u00e0' and <= '\u00ef' => 3,
            >= '\u00f0' and <= '\u00f4' => 4,
            _ => 0,
        };
        if (length == 0 || start + length > text.Length || text.Slice(start, length).IndexOfAnyExceptInRange('\u0080', '\u00ff') >= 0)
        {
            return 0;
        }

        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)text[start + i];
        }

        return System.Text.Unicode.Utf8.IsValid(bytes[..length]) ? length : 0;
    }

    /// <summary>
    /// util/casefold.c with ICU (<c>ucasemap_utf8FoldCase()</c>, full default folding) on decoded text: .NET's invariant
    /// simple lowercase, plus the full foldings that differ from it (<c>ß</c> and <c>ẞ</c> to <c>ss</c>, long s to
    /// <c>s</c>, final sigma to <c>σ</c>, the Latin ligatures <c>ﬀ</c>…<c>ﬆ</c>, <c>ŉ</c>). Other full foldings
    /// (<c>İ</c>, a few Greek, Armenian and Cherokee letters) are left to simple lowercase.
    /// </summary>
    public static string FoldUnicode(string text)
    {
        var lower = text.ToLowerInvariant();
        if (lower.AsSpan().IndexOfAny(s_fullFoldChars) < 0)
        {
            return lower;
        }

        var builder = new StringBuilder(lower.Length + 4);
        foreach (var c in lower)
        {
            if (FullFold(c) is { } folded)
            {
                builder.Append(folded);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string? FullFold(char c) => c switch
    {
        '\u00df' or '\u1e9e' => "ss",
        '\u017f' => "s",
        '\u03c2' => "\u03c3",
        '\u0149' => "\u02bcn",
        '\ufb00' => "ff",
        '\ufb01' => "fi",
        '\ufb02' => "fl",
        '\ufb03' => "ffi",
        '\ufb04' => "ffl",
        '\ufb05' or '\ufb06' => "st",
        _ => null,
    };

    private static readonly SearchValues<char> s_fullFoldChars = SearchValues.Create("\u00df\u1e9e\u017f\u03c2\u0149\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06");

    /// <summary>True when the Latin-1 chars (bytes) of <paramref name="text"/> are all ASCII or form valid UTF-8.</summary>
    public static bool IsValidUtf8(ReadOnlySpan<char> text)
    {
        var ascii = true;
        foreach (var c in text)
        {
            if (c > 0x7f)
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return true;
        }

        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            bytes[i] = (byte)text[i];
        }

        return System.Text.Unicode.Utf8.IsValid(bytes);
    }

    /// <summary>lowercase(): A-Z only, the fold of casefold() without UTF-8 support (<c>smtputf8_enable = no</c>).</summary>
    public static string LowerAscii(string key)
    {
        var chars = key.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= 'A' and <= 'Z')
            {
                chars[i] = (char)(chars[i] + 32);
            }
        }

        return new string(chars);
    }
}
