namespace PostfixLint.Model.Tables;

/// <summary>The result of one table lookup.</summary>
/// <param name="Status">Found, not found, unknown or error.</param>
/// <param name="Value">The value when found.</param>
/// <param name="Source">The file that holds the matching entry, when there is one.</param>
/// <param name="Line">The 1-based line of the matching entry; 0 when not applicable.</param>
public sealed record TableLookup(TableLookupStatus Status, string? Value, string? Source, int Line);
