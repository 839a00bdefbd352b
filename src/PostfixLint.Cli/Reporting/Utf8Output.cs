using System.Text;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Cli.Reporting;

/// <summary>
/// The CLI reads and writes one char per byte (Latin-1: configuration text passes through byte for byte), while the
/// simulator takes and returns addresses as decoded text. These two helpers cross between the forms.
/// </summary>
internal static class Utf8Output
{
    /// <summary>A line read one char per byte, decoded when its bytes are UTF-8 (else returned as it is).</summary>
    public static string Decode(string byteChars) => TableText.DecodeUtf8Chars(byteChars);

    /// <summary>
    /// Output text for the one-char-per-byte writer: runs of chars U+0080–U+00FF that form a UTF-8 sequence are bytes
    /// already (configuration text) and stay; any other non-ASCII char is decoded text (a probe's UTF-8 address) and
    /// becomes the chars of its UTF-8 bytes.
    /// </summary>
    public static string Encode(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        Span<byte> sequence = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                builder.Append(c);
                continue;
            }

            if (c <= 0xff && TableText.Utf8SequenceLength(text, i) is var length and > 0)
            {
                builder.Append(text, i, length);
                i += length - 1;
                continue;
            }

            var width = char.IsSurrogatePair(text, i) ? 2 : 1;
            var count = Encoding.UTF8.GetBytes(text.AsSpan(i, width), sequence);
            for (var b = 0; b < count; b++)
            {
                builder.Append((char)sequence[b]);
            }

            i += width - 1;
        }

        return builder.ToString();
    }
}
