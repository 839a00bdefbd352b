namespace PostfixLint.Model.Tables;

/// <summary>How much is known about a lookup table's contents.</summary>
public enum TableContents
{
    /// <summary>The entries are known (read from the source file or the specification).</summary>
    Known,

    /// <summary>The entries live elsewhere (SQL, LDAP, socketmap, ...).</summary>
    Unknown,

    /// <summary>The table cannot be opened (missing file, unsupported type, fatal syntax).</summary>
    Unavailable,
}
