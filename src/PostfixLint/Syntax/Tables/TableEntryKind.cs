namespace PostfixLint.Syntax.Tables;

/// <summary>What one logical line of a table source is to Postfix.</summary>
public enum TableEntryKind
{
    /// <summary>A key (or pattern) with its value: a rule Postfix keeps.</summary>
    Entry,

    /// <summary>An <c>if</c> line of a cidr, regexp or pcre table.</summary>
    If,

    /// <summary>An <c>endif</c> line of a cidr, regexp or pcre table.</summary>
    EndIf,

    /// <summary>A line Postfix warns about and skips; a diagnostic says why.</summary>
    Skipped,
}
