namespace PostfixLint.Model.Tables;

/// <summary><c>static:value</c> and <c>static:{ value }</c>: every key finds the same value.</summary>
/// <param name="Spec">The table spec.</param>
/// <param name="Value">The value (braces and surrounding whitespace stripped).</param>
internal sealed record StaticTable(string Spec, string Value) : ILookupTable
{
    /// <inheritdoc />
    public bool IsFixedKey => true;

    /// <inheritdoc />
    public TableContents Contents => TableContents.Known;

    /// <inheritdoc />
    public string? UnavailableReason => null;

    /// <inheritdoc />
    public TableLookup Lookup(string key) => TableLookup.Found(Value, Spec, 0);
}
