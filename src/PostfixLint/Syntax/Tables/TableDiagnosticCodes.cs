namespace PostfixLint.Syntax.Tables;

/// <summary>Stable codes of the syntax diagnostics of lookup table sources (<c>PFL02x</c>).</summary>
public static class TableDiagnosticCodes
{
    /// <summary>A line Postfix skips (bad format, bad pattern, unbalanced quote, ...).</summary>
    public const string SkippedLine = "PFL020";

    /// <summary>A warning about a line Postfix still uses (alias-file format, extra text after IF, empty result, ...).</summary>
    public const string SuspiciousLine = "PFL021";

    /// <summary>A duplicate key: indexed tables keep the first value, texthash refuses the whole table.</summary>
    public const string DuplicateKey = "PFL022";

    /// <summary>An <c>if</c> without a matching <c>endif</c>.</summary>
    public const string MissingEndIf = "PFL023";

    /// <summary>A logical line that starts with whitespace.</summary>
    public const string LeadingWhitespace = "PFL024";
}
