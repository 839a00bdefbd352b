using PostfixLint.Model.Tables;

namespace PostfixLint.Simulation;

/// <summary>The outcome of a multi-key search over one or more tables (<c>maps_find()</c>, <c>mail_addr_find()</c>).</summary>
/// <param name="Status">Found, not found, unknown contents, or a lookup error.</param>
/// <param name="Value">The value found.</param>
/// <param name="Key">The key that decided (found, or where the search stopped).</param>
/// <param name="Table">The table that decided.</param>
/// <param name="Source">The file and line of the entry, for the trace.</param>
internal sealed record LookupHit(TableLookupStatus Status, string? Value, string? Key, ILookupTable? Table, string? Source)
{
    public static LookupHit NotFound { get; } = new(TableLookupStatus.NotFound, null, null, null, null);

    public IReadOnlyList<string> KeysTried { get; init; } = [];

    /// <summary>The table's own answer (file and line of the entry), when a table answered.</summary>
    public TableLookup? Entry { get; init; }
}
