using System.Collections.Immutable;

namespace PostfixLint.Model.Tables;

/// <summary><c>unionmap:{...}</c> (comma-joined results of every table) and <c>pipemap:{...}</c> (each result is the next key).</summary>
internal sealed class CompositeTable : ILookupTable
{
    /// <summary>Creates a union or pipe of <paramref name="tables"/>.</summary>
    public CompositeTable(string spec, bool pipe, ImmutableArray<ILookupTable> tables)
    {
        Spec = spec;
        IsPipe = pipe;
        Tables = tables;
    }

    /// <inheritdoc />
    public string Spec { get; }

    /// <summary>True for <c>pipemap</c>, false for <c>unionmap</c>.</summary>
    public bool IsPipe { get; }

    /// <summary>The member tables in order.</summary>
    public ImmutableArray<ILookupTable> Tables { get; }

    /// <inheritdoc />
    /// <remarks>dict_union.c/dict_pipe.c: the first member decides the pattern-matching flags.</remarks>
    public bool IsFixedKey => Tables.Length == 0 || Tables[0].IsFixedKey;

    /// <inheritdoc />
    public TableContents Contents =>
        Tables.Any(t => t.Contents == TableContents.Unavailable) ? TableContents.Unavailable
        : Tables.Any(t => t.Contents == TableContents.Unknown) ? TableContents.Unknown
        : TableContents.Known;

    /// <inheritdoc />
    public string? UnavailableReason => Tables.Select(t => t.UnavailableReason).FirstOrDefault(r => r is not null);

    /// <inheritdoc />
    public TableLookup Lookup(string key)
    {
        if (IsPipe)
        {
            // dict_pipe_lookup(): feed each result to the next table; a miss or error anywhere ends the search.
            var query = key;
            TableLookup last = TableLookup.NotFound;
            foreach (var table in Tables)
            {
                last = table.Lookup(query);
                if (last.Status != TableLookupStatus.Found)
                {
                    return last;
                }

                query = last.Value!;
            }

            return last;
        }

        // dict_union_lookup(): join the results of every table with ','; an error ends the search.
        var joined = new System.Text.StringBuilder();
        TableLookup? first = null;
        var unknown = false;
        foreach (var table in Tables)
        {
            var result = table.Lookup(key);
            switch (result.Status)
            {
                case TableLookupStatus.Found:
                    if (joined.Length > 0)
                    {
                        joined.Append(',');
                    }

                    joined.Append(result.Value);
                    first ??= result;
                    break;
                case TableLookupStatus.Error:
                    return result;
                case TableLookupStatus.Unknown:
                    unknown = true;
                    break;
            }
        }

        if (unknown)
        {
            return TableLookup.Unknown;
        }

        // dict_union_lookup(): a ',' only after non-empty text; an empty buffer means "not found".
        return joined.Length == 0 ? TableLookup.NotFound : TableLookup.Found(joined.ToString(), first!.Source, first.Line);
    }
}
