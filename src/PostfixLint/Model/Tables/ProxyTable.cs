namespace PostfixLint.Model.Tables;

/// <summary><c>proxy:type:name</c> read through to the local table the proxymap server would open.</summary>
/// <param name="Spec">The proxy spec as written.</param>
/// <param name="Inner">The table proxymap opens.</param>
internal sealed record ProxyTable(string Spec, ILookupTable Inner) : ILookupTable
{
    /// <inheritdoc />
    public bool IsFixedKey => Inner.IsFixedKey;

    /// <inheritdoc />
    public TableContents Contents => Inner.Contents;

    /// <inheritdoc />
    public string? UnavailableReason => Inner.UnavailableReason;

    /// <inheritdoc />
    public TableLookup Lookup(string key) => Inner.Lookup(key);
}
