namespace PostfixLint.Model.Tables;

/// <summary>A table Postfix could not open (<c>dict_surrogate()</c>): every lookup fails with a temporary error.</summary>
/// <param name="Spec">The table spec.</param>
/// <param name="Reason">The reason after <c>is unavailable. </c>, e.g. <c>open database /x.db: No such file or directory</c>.</param>
/// <param name="IsFixedKey">Whether the table type would be a fixed-key table.</param>
internal sealed record UnavailableTable(string Spec, string Reason, bool IsFixedKey = true) : ILookupTable
{
    /// <inheritdoc />
    public TableContents Contents => TableContents.Unavailable;

    /// <inheritdoc />
    public string? UnavailableReason => $"{Spec} is unavailable. {Reason}";

    /// <inheritdoc />
    public TableLookup Lookup(string key) => TableLookup.Error;
}
