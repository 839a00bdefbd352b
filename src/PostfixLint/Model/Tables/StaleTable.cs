namespace PostfixLint.Model.Tables;

/// <summary>
/// An indexed table whose database is older than its source, on a live server: smtpd answers from the database, which
/// the simulator does not read, so lookups answer from the source and log the warning smtpd logs when it opens it.
/// </summary>
/// <param name="Inner">The table read from the source file.</param>
/// <param name="Warning">smtpd's warning (<c>src/util/dict_db.c</c>, <c>dict_lmdb.c</c>, <c>dict_cdb.c</c>): <c>database X.db is older than source file X</c>.</param>
internal sealed record StaleTable(ILookupTable Inner, string Warning) : ILookupTable
{
    /// <inheritdoc />
    public string Spec => Inner.Spec;

    /// <inheritdoc />
    public bool IsFixedKey => Inner.IsFixedKey;

    /// <inheritdoc />
    public TableContents Contents => Inner.Contents;

    /// <inheritdoc />
    public string? UnavailableReason => Inner.UnavailableReason;

    /// <inheritdoc />
    public TableLookup Lookup(string key)
    {
        TableWarnings.Report(Warning);
        return Inner.Lookup(key);
    }
}
