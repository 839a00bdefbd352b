using System.Text;

namespace PostfixLint.Syntax;

/// <summary>Reads and writes Postfix configuration files byte for byte, one char per byte.</summary>
/// <remarks>
/// Postfix is byte-oriented (<c>src/util/vstream.c</c> reads bytes, <c>ctype</c> classifies them), so files are
/// decoded as Latin-1: every byte, including invalid UTF-8, NUL and a UTF-8 BOM (<c>"\u00EF\u00BB\u00BF"</c>),
/// becomes exactly one char, and columns are byte columns. Writing encodes the same way, so a read/write cycle is
/// byte-identical. Chars above U+00FF have no byte: writing refuses them rather than write a <c>?</c>.
/// </remarks>
public static class SourceFile
{
    /// <summary>Reads <paramref name="path"/> as Latin-1, one char per byte.</summary>
    /// <remarks>
    /// Reads the bytes and decodes them itself: <c>File.ReadAllText</c> would honour a UTF-8 BOM and decode UTF-8.
    /// A named pipe, device or directory, or a file over 256 MiB, is refused with an <see cref="IOException"/>.
    /// </remarks>
    public static string Read(string path) => Encoding.Latin1.GetString(InputFile.ReadAllBytes(path));

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> as Latin-1, one byte per char, with no BOM.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> has a char above U+00FF; nothing is written.</exception>
    public static void Write(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllBytes(path, Encode(text));
    }

    /// <summary>Encodes <paramref name="text"/> as Latin-1, one byte per char.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> has a char above U+00FF.</exception>
    public static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bad = text.AsSpan().IndexOfAnyExceptInRange('\u0000', '\u00FF');
        if (bad >= 0)
        {
            var position = new LineIndex(text).GetPosition(bad);
            throw new ArgumentException(
                $"U+{(int)text[bad]:X4} at line {position.Line}, column {position.Column} cannot be written: Postfix files are bytes, one char per byte (Latin-1), and it has no byte",
                nameof(text));
        }

        return Encoding.Latin1.GetBytes(text);
    }
}
