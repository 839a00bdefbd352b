namespace PostfixLint.Model.Tables;

/// <summary>Host facts the table factory cannot read from the configuration.</summary>
public sealed record LookupTableOptions
{
    /// <summary>The passwd file behind <c>unix:passwd.byname</c>; null makes that table's contents unknown.</summary>
    public string? PasswdFile { get; init; } = "/etc/passwd";

    /// <summary>The environment behind <c>environ:</c>; null makes that table's contents unknown.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>
    /// Read indexed tables (hash, btree, lmdb, cdb) as a running server has them instead of as if <c>postmap</c> had just
    /// run: a missing database makes the table unavailable (smtpd's <c>dict_surrogate()</c>), and a database older
    /// than its source logs smtpd's "database ... is older than source file ..." warning on every lookup (answers still
    /// come from the source: the database's own contents are not read).
    /// </summary>
    public bool AsDeployed { get; init; }

    /// <summary>The run's open table files, shared with its other readers; null opens each file for the table alone.</summary>
    internal TableFiles? Files { get; init; }
}
