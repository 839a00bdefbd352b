namespace PostfixLint.Model.Tables;

/// <summary>Whether a table's contents are known.</summary>
public enum TableContents
{
    /// <summary>Read from local files or from the table spec itself.</summary>
    Known,

    /// <summary>The data lives elsewhere (SQL, LDAP, a socket, NIS, the process environment).</summary>
    Unknown,

    /// <summary>Postfix could not open the table (missing file, bad syntax): every lookup fails with a temporary error.</summary>
    Unavailable,
}
