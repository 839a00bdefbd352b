namespace PostfixLint.Model.Tables;

/// <summary>A table whose data lives outside the configuration (SQL, LDAP, sockets, NIS, ...): every answer is unknown.</summary>
/// <param name="Spec">The table spec.</param>
/// <param name="Reason">Why the contents are unknown.</param>
internal sealed record UnknownTable(string Spec, string Reason) : ILookupTable
{
    /// <inheritdoc />
    public bool IsFixedKey => true;

    /// <inheritdoc />
    public TableContents Contents => TableContents.Unknown;

    /// <inheritdoc />
    public string? UnavailableReason => null;

    /// <inheritdoc />
    public TableLookup Lookup(string key) => TableLookup.Unknown;
}
