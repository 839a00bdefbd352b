namespace PostfixLint.Model.Tables;

/// <summary><c>fail:name</c> (<c>src/util/dict_fail.c</c>): every lookup fails with a temporary error.</summary>
/// <param name="Spec">The table spec.</param>
internal sealed record FailTable(string Spec) : ILookupTable
{
    /// <inheritdoc />
    public bool IsFixedKey => false;

    /// <inheritdoc />
    public TableContents Contents => TableContents.Known;

    /// <inheritdoc />
    public string? UnavailableReason => null;

    /// <inheritdoc />
    public TableLookup Lookup(string key) => TableLookup.Error;
}
