using System.Collections.Frozen;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Model.Tables;

/// <summary>A small fixed-key table held as a dictionary: <c>inline:</c>, <c>unix:passwd.byname</c>, <c>environ:</c>.</summary>
internal sealed class DictionaryTable : ILookupTable
{
    private readonly FrozenDictionary<string, (string Value, int Line)> _entries;
    private readonly string? _source;
    private readonly bool _fold;

    /// <summary>Creates a table from folded keys to values and lines.</summary>
    /// <param name="spec">The table spec.</param>
    /// <param name="entries">Keys (already folded when <paramref name="fold"/>) to value and 1-based line (0 if none).</param>
    /// <param name="source">The file or spec reported for matches.</param>
    /// <param name="fold">Whether lookups fold the key (<c>DICT_FLAG_FOLD_FIX</c>).</param>
    public DictionaryTable(string spec, IReadOnlyDictionary<string, (string Value, int Line)> entries, string? source, bool fold = true)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Spec = spec;
        _entries = entries.ToFrozenDictionary(StringComparer.Ordinal);
        _source = source;
        _fold = fold;
    }

    /// <inheritdoc />
    public string Spec { get; }

    /// <inheritdoc />
    public bool IsFixedKey => true;

    /// <inheritdoc />
    public TableContents Contents => TableContents.Known;

    /// <inheritdoc />
    public string? UnavailableReason => null;

    /// <inheritdoc />
    public TableLookup Lookup(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _entries.TryGetValue(_fold ? TableText.FoldKey(key) : key, out var hit)
            ? TableLookup.Found(hit.Value, _source, hit.Line)
            : TableLookup.NotFound;
    }
}
