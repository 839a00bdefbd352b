namespace PostfixLint.Model.Tables;

/// <summary>The result of one table lookup, with where the matching entry came from.</summary>
/// <param name="Status">Found, not found, unknown or error.</param>
/// <param name="Value">The result text when found.</param>
/// <param name="Source">The file (as written in the configuration) or table spec of the matching entry, or null.</param>
/// <param name="Line">The 1-based line of the matching entry, or 0.</param>
public sealed record TableLookup(TableLookupStatus Status, string? Value, string? Source, int Line)
{
    /// <summary>For an unknown result: why the simulator cannot tell what Postfix answers (null when the contents are simply not known).</summary>
    public string? Reason { get; init; }

    /// <summary>A not-found result.</summary>
    public static TableLookup NotFound { get; } = new(TableLookupStatus.NotFound, null, null, 0);

    /// <summary>An unknown result.</summary>
    public static TableLookup Unknown { get; } = new(TableLookupStatus.Unknown, null, null, 0);

    /// <summary>An error result.</summary>
    public static TableLookup Error { get; } = new(TableLookupStatus.Error, null, null, 0);

    /// <summary>A found result.</summary>
    public static TableLookup Found(string value, string? source, int line) => new(TableLookupStatus.Found, value, source, line);
}
