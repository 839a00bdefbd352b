using System.Text;

namespace PostfixLint.Syntax;

/// <summary>Reads and writes Postfix configuration files byte for byte, one char per byte.</summary>
/// <remarks>
/// Postfix is byte-oriented (<c>src/util/vstream.c</c> reads bytes, <c>ctype</c> classifies them), so files are
/// decoded as Latin-1: every byte, including invalid UTF-8, NUL and a UTF-8 BOM (<c>"\u00EF\u00BB\u00BF"</c>),
/// becomes exactly one char, and columns are byte columns. Writing encodes the same way, so a read/write cycle is
/// byte-identical. Chars above U+00FF cannot be written and become <c>?</c>.
/// </remarks>
public static class SourceFile
{
    /// <summary>Reads <paramref name="path"/> as Latin-1, one char per byte.</summary>
    public static string Read(string path) => File.ReadAllText(path, Encoding.Latin1);

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> as Latin-1, one byte per char, with no BOM.</summary>
    public static void Write(string path, string text) => File.WriteAllBytes(path, Encoding.Latin1.GetBytes(text));
}
