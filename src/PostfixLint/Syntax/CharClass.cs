namespace PostfixLint.Syntax;

/// <summary>Character classes exactly as Postfix's C code sees them.</summary>
internal static class CharClass
{
    /// <summary>Postfix <c>ISSPACE()</c> (<c>src/util/sys_defs.h</c>): ASCII <c>isspace</c> only, so bytes above 0x7F never count.</summary>
    public static bool IsSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r');

    /// <summary><c>PCF_MASTER_BLANKS</c> (<c>src/postconf/postconf.h</c>): the master.cf field separators.</summary>
    public static bool IsMasterBlank(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n';

    /// <summary>Length of a byte-order mark at the start of <paramref name="text"/>: 3 for the UTF-8 bytes read as Latin-1, 1 for U+FEFF, else 0.</summary>
    public static int ByteOrderMarkLength(string text)
    {
        if (text.Length >= 3 && text[0] == '\u00EF' && text[1] == '\u00BB' && text[2] == '\u00BF')
        {
            return 3;
        }

        return text.Length >= 1 && text[0] == '\uFEFF' ? 1 : 0;
    }
}
