using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Model.Tables;

/// <summary>
/// A fixed-key table read from a postmap(1) source in one pass, as hash/btree/lmdb/cdb/dbm/texthash see it after
/// <c>postmap</c> has run: keys folded (<c>DICT_FLAG_FOLD_FIX</c>), the first value kept for a duplicate key.
/// </summary>
/// <remarks>
/// The hot path for large sources: the file stays one block of bytes (mapped copy-on-write, see
/// <see cref="TableBytes"/>; Latin-1: a byte is a character), one pass finds the lines, continuation lines are joined
/// in place (in a private copy when the bytes are shared, see <see cref="TableFiles"/>), and a sorted hash index (<see cref="ByteKeyIndex"/>) keeps only where each logical line starts; ASCII
/// keys are folded while hashing and comparing, so the bytes stay as written. No per-line strings, regexes or parser
/// combinators. Keys with non-ASCII bytes go to a small string dictionary.
/// </remarks>
internal sealed class IndexedTable : ILookupTable
{
    // The bytes that can end or complicate a key: C isspace() in the C locale, backslash and double quote.
    private static readonly SearchValues<byte> s_keyStops = SearchValues.Create(" \t\n\v\f\r\\\""u8);

    private readonly TableBytes _data;
    private readonly ByteKeyIndex _entries;
    private readonly Dictionary<string, (string Value, int Line)>? _unicode;
    private readonly string _source;

    private IndexedTable(string spec, string source, TableBytes data, ByteKeyIndex entries,
        Dictionary<string, (string, int)>? unicode, int duplicateLine, string? duplicateKey)
    {
        Spec = spec;
        _source = source;
        _data = data;
        _entries = entries;
        _unicode = unicode;
        DuplicateLine = duplicateLine;
        DuplicateKey = duplicateKey;
    }

    /// <inheritdoc />
    public string Spec { get; }

    /// <inheritdoc />
    public bool IsFixedKey => true;

    /// <inheritdoc />
    public TableContents Contents => TableContents.Known;

    /// <inheritdoc />
    public string? UnavailableReason => null;

    /// <summary>The number of distinct keys.</summary>
    public int Count => _entries.Count + (_unicode?.Count ?? 0);

    /// <summary>The line of the first duplicate key, or 0 (texthash refuses a table with duplicates).</summary>
    public int DuplicateLine { get; }

    /// <summary>The first duplicate key as written, or null.</summary>
    public string? DuplicateKey { get; }

    /// <summary>Loads a postmap-format source from bytes (ownership of <paramref name="data"/> passes to the table).</summary>
    /// <param name="spec">The table spec, for <see cref="Spec"/>.</param>
    /// <param name="source">The file name reported in lookups' <see cref="TableLookup.Source"/>.</param>
    /// <param name="data">The file's bytes; continuation lines are joined in place.</param>
    /// <param name="utf8">True when <c>smtputf8_enable</c> is on: lines that are not valid UTF-8 are ignored.</param>
    public static IndexedTable Load(string spec, string source, byte[] data, bool utf8 = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Load(spec, source, new TableBytes(data), utf8);
    }

    /// <summary>Loads a postmap-format source file, mapping it into memory instead of copying it when it is large.</summary>
    /// <param name="spec">The table spec, for <see cref="Spec"/>.</param>
    /// <param name="source">The file name reported in lookups' <see cref="TableLookup.Source"/>.</param>
    /// <param name="path">The file to read (the file itself is never written).</param>
    /// <param name="utf8">True when <c>smtputf8_enable</c> is on: lines that are not valid UTF-8 are ignored.</param>
    /// <param name="files">The run's open table files: the table reads their shared bytes (and a private copy only when it must join continuation lines).</param>
    public static IndexedTable LoadFile(string spec, string source, string path, bool utf8 = true, TableFiles? files = null)
    {
        if (files is null)
        {
            return Load(spec, source, TableBytes.Open(path), utf8);
        }

        var bytes = files.Open(path);
        if (files.IndexedScan(path) is { EntryIndex: { } index } scan)
        {
            // Every logical line of the file is a plain one-line ASCII entry, which this loader would index exactly as
            // the scan did (same lines, same keys, same order, same hash): no second pass over the file, no second index.
            string? duplicateKey = null;
            if (scan.FirstDuplicate is { } first)
            {
                var (key, _) = index.GetKeyAndValue(first);
                duplicateKey = bytes.GetString(key.Offset, key.Length);
            }

            return new IndexedTable(spec, source, bytes, index, null, scan.FirstDuplicate?.Line ?? 0, duplicateKey);
        }

        return Load(spec, source, bytes, utf8, path);
    }

    /// <inheritdoc />
    public TableLookup Lookup(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var folded = TableText.FoldKey(key);

        // Non-ASCII keys were loaded into the UTF-8 dictionary by their folded form; one may fold to ASCII (straße is
        // strasse), and then the same folded key written in ASCII counts too.
        if (!System.Text.Ascii.IsValid(key))
        {
            if (_unicode is not null && _unicode.TryGetValue(folded, out var hit))
            {
                return TableLookup.Found(hit.Value, _source, hit.Line);
            }

            if (!System.Text.Ascii.IsValid(folded))
            {
                return TableLookup.NotFound;
            }
        }

        var bytes = folded.Length <= 512 ? stackalloc byte[folded.Length] : new byte[folded.Length];
        for (var i = 0; i < folded.Length; i++)
        {
            bytes[i] = (byte)folded[i];
        }

        if (!_entries.TryGet(bytes, out var entry))
        {
            return TableLookup.NotFound;
        }

        var (_, value) = _entries.GetKeyAndValue(entry);
        return TableLookup.Found(_data.GetString(value.Offset, value.Length), _source, entry.Line);
    }

    /// <summary>Every entry as (folded key, value, line), in no particular order (for tests and rules).</summary>
    public IEnumerable<(string Key, string Value, int Line)> GetEntries()
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            var (key, value) = _entries.GetKeyAndValue(entry);
            yield return (TableText.FoldKey(_data.GetString(key.Offset, key.Length)),
                _data.GetString(value.Offset, value.Length), entry.Line);
        }

        if (_unicode is not null)
        {
            foreach (var (key, (value, line)) in _unicode)
            {
                yield return (key, value, line);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IndexedTable Load(string spec, string source, TableBytes bytes, bool utf8, string? sharedPath = null)
    {
        var data = bytes.Span;
        var loader = new Loader(bytes, data.Count((byte)'\n') + 1, utf8);
        var length = data.Length;
        var pos = 0;
        var lineNumber = 0;
        var logicalStart = 0;
        var logicalEnd = -1;
        var joined = false;
        var firstLine = 0;
        while (pos < length)
        {
            var newline = data[pos..].IndexOf((byte)'\n');
            var end = newline < 0 ? length : pos + newline;
            lineNumber++;
            var c = data[pos];
            if (!ByteKeyIndex.IsSpace(c) && c != '#')
            {
                // The common case: a line that starts a new logical line ends the previous one.
                if (logicalEnd >= 0)
                {
                    Flush(data, loader, logicalStart, logicalEnd, firstLine, joined);
                }

                logicalStart = pos;
                logicalEnd = end;
                firstLine = lineNumber;
                joined = false;
            }
            else
            {
                var p = pos;
                while (p < end && ByteKeyIndex.IsSpace(data[p]))
                {
                    p++;
                }

                // readllines(): blank and comment lines never end or start a logical line; an indented line continues
                // the current one, keeping its leading whitespace.
                if (p < end && data[p] != '#' && p != pos && logicalEnd >= 0)
                {
                    if (sharedPath is not null)
                    {
                        // Other readers of the file see these bytes (TableFiles): join in a private copy instead. Rare
                        // in large tables, and nothing has been written yet.
                        GC.KeepAlive(bytes);
                        return Load(spec, source, TableBytes.Open(sharedPath), utf8);
                    }

                    var piece = end - pos;
                    data.Slice(pos, piece).CopyTo(data[logicalEnd..]);
                    logicalEnd += piece;
                    joined = true;
                }
            }

            pos = end + 1;
        }

        if (logicalEnd >= 0)
        {
            Flush(data, loader, logicalStart, logicalEnd, firstLine, joined);
        }

        // The first duplicate in input order, whichever index holds it: texthash names it.
        var duplicate = loader.Index.Build();
        var duplicateLine = loader.DuplicateLine;
        var duplicateKey = loader.DuplicateKey;
        if (duplicate is { } first && (duplicateLine == 0 || first.Line < duplicateLine))
        {
            var (key, _) = loader.Index.GetKeyAndValue(first);
            duplicateLine = first.Line;
            duplicateKey = bytes.GetString(key.Offset, key.Length);
        }

        GC.KeepAlive(bytes);
        return new IndexedTable(spec, source, bytes, loader.Index, loader.Unicode, duplicateLine, duplicateKey);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Flush(Span<byte> data, Loader loader, int start, int end, int line, bool joined)
    {
        if (joined)
        {
            // Joining dropped at least the newline between the pieces, so the byte after the logical line is a stale
            // one: a newline there lets the index find the line's end again.
            data[end] = (byte)'\n';
        }

        loader.Add(data, start, end, line);
    }

    // One logical line at a time: split, check, index.
    private sealed class Loader(TableBytes bytes, int capacity, bool utf8)
    {
        public ByteKeyIndex Index { get; } = new(bytes, capacity);

        public Dictionary<string, (string, int)>? Unicode { get; private set; }

        // The first duplicate among non-ASCII keys (the ASCII index reports its own from Build()).
        public int DuplicateLine { get; private set; }

        public string? DuplicateKey { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(ReadOnlySpan<byte> data, int start, int end, int line)
        {
            var text = data[start..end];

            // Fast path: ASCII without NUL, the key ended by whitespace (no quotes or escapes).
            if (text.IndexOfAnyExceptInRange((byte)1, (byte)0x7f) < 0)
            {
                var stop = text.IndexOfAny(s_keyStops);
                if (stop < 0)
                {
                    return; // a key without a value: postmap ignores it (with a warning)
                }

                if (ByteKeyIndex.IsSpace(text[stop]))
                {
                    var valueStart = stop + 1;
                    while (valueStart < text.Length && ByteKeyIndex.IsSpace(text[valueStart]))
                    {
                        valueStart++;
                    }

                    if (valueStart < text.Length && stop > 0)
                    {
                        Index.Add(start, text[..stop], line);
                    }

                    return;
                }
            }

            AddSlow(start, text, line);
        }

        // NUL bytes, non-ASCII bytes, quotes or backslashes in the key.
        private void AddSlow(int start, ReadOnlySpan<byte> text, int line)
        {
            var nul = text.IndexOf((byte)0);
            if (nul >= 0)
            {
                text = text[..nul];
            }

            var ascii = System.Text.Ascii.IsValid(text);
            if (!ascii && utf8 && !Utf8.IsValid(text))
            {
                return;
            }

            var (keyEnd, valueStart, valueEnd, unbalanced) = ByteKeyIndex.Split(text);
            if (unbalanced || keyEnd == 0 || valueEnd <= valueStart)
            {
                return;
            }

            var keySpan = text[..keyEnd];
            if (!ascii && !System.Text.Ascii.IsValid(keySpan))
            {
                Unicode ??= new Dictionary<string, (string, int)>(StringComparer.Ordinal);
                var key = TableText.FoldKey(Encoding.Latin1.GetString(keySpan));
                if (!Unicode.TryAdd(key, (Encoding.Latin1.GetString(text[valueStart..valueEnd]), line)) && DuplicateLine == 0)
                {
                    DuplicateLine = line;
                    DuplicateKey = Encoding.Latin1.GetString(keySpan);
                }

                return;
            }

            Index.Add(start, keySpan, line);
        }
    }
}
