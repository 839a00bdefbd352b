using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text;
using System.Text.Unicode;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Model.Tables;

/// <summary>
/// A fixed-key table read from a postmap(1) source in one pass, as hash/btree/lmdb/cdb/dbm/texthash see it after
/// <c>postmap</c> has run: keys folded (<c>DICT_FLAG_FOLD_FIX</c>), the first value kept for a duplicate key.
/// </summary>
/// <remarks>
/// The hot path for large sources: the file stays one byte array (Latin-1: a byte is a character), one pass finds the
/// lines, logical lines are joined in place, and a sorted hash index (<see cref="ByteKeyIndex"/>) maps each key's
/// (offset, length) to its value's end and line; ASCII keys are folded while hashing and comparing, so the bytes
/// stay as written. No per-line strings, regexes or
/// parser combinators. Keys with non-ASCII bytes go to a small string dictionary.
/// </remarks>
public sealed class IndexedTable : ILookupTable
{
    // The bytes that can end or complicate a key: C isspace() in the C locale, backslash and double quote.
    private static readonly SearchValues<byte> s_keyStops = SearchValues.Create(" \t\n\v\f\r\\\""u8);

    private readonly byte[] _data;
    private readonly ByteKeyIndex _entries;
    private readonly Dictionary<string, (string Value, int Line)>? _unicode;
    private readonly string _source;

    private IndexedTable(string spec, string source, byte[] data, ByteKeyIndex entries,
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
    /// <param name="data">The file's bytes; modified in place.</param>
    /// <param name="utf8">True when <c>smtputf8_enable</c> is on: lines that are not valid UTF-8 are ignored.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IndexedTable Load(string spec, string source, byte[] data, bool utf8 = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        var loader = new Loader(data, utf8);
        var span = data.AsSpan();
        var length = data.Length;
        var pos = 0;
        var lineNumber = 0;
        var logicalStart = 0;
        var logicalEnd = -1;
        var firstLine = 0;
        while (pos < length)
        {
            var newline = span[pos..].IndexOf((byte)'\n');
            var end = newline < 0 ? length : pos + newline;
            lineNumber++;
            var c = data[pos];
            if (!IsSpace(c) && c != '#')
            {
                // The common case: a line that starts a new logical line ends the previous one.
                if (logicalEnd >= 0)
                {
                    loader.Add(logicalStart, logicalEnd, firstLine);
                }

                logicalStart = pos;
                logicalEnd = end;
                firstLine = lineNumber;
            }
            else
            {
                var p = pos;
                while (p < end && IsSpace(data[p]))
                {
                    p++;
                }

                // readllines(): blank and comment lines never end or start a logical line; an indented line continues
                // the current one, keeping its leading whitespace.
                if (p < end && data[p] != '#' && p != pos && logicalEnd >= 0)
                {
                    var piece = end - pos;
                    if (logicalEnd != pos)
                    {
                        Buffer.BlockCopy(data, pos, data, logicalEnd, piece);
                    }

                    logicalEnd += piece;
                }
            }

            pos = end + 1;
        }

        if (logicalEnd >= 0)
        {
            loader.Add(logicalStart, logicalEnd, firstLine);
        }

        // The first duplicate in input order, whichever index holds it: texthash names it.
        var duplicate = loader.Index.Build();
        var duplicateLine = loader.DuplicateLine;
        var duplicateKey = loader.DuplicateKey;
        if (duplicate is { } first && (duplicateLine == 0 || first.Line < duplicateLine))
        {
            duplicateLine = first.Line;
            duplicateKey = Encoding.Latin1.GetString(data, first.KeyOffset, first.KeyLength);
        }

        return new IndexedTable(spec, source, data, loader.Index, loader.Unicode, duplicateLine, duplicateKey);
    }

    /// <inheritdoc />
    public TableLookup Lookup(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var folded = TableText.FoldKey(key);
        var asciiKey = true;
        foreach (var c in folded)
        {
            if (c > 0x7f)
            {
                asciiKey = false;
                break;
            }
        }

        if (!asciiKey)
        {
            return _unicode is not null && _unicode.TryGetValue(folded, out var hit)
                ? TableLookup.Found(hit.Value, _source, hit.Line)
                : TableLookup.NotFound;
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

        var (offset, length) = _entries.GetValue(entry);
        return TableLookup.Found(Encoding.Latin1.GetString(_data, offset, length), _source, entry.Line);
    }

    /// <summary>Every entry as (folded key, value, line), in no particular order (for tests and rules).</summary>
    public IEnumerable<(string Key, string Value, int Line)> GetEntries()
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            var (offset, length) = _entries.GetValue(entry);
            yield return (TableText.FoldKey(Encoding.Latin1.GetString(_data, entry.KeyOffset, entry.KeyLength)),
                Encoding.Latin1.GetString(_data, offset, length), entry.Line);
        }

        if (_unicode is not null)
        {
            foreach (var (key, (value, line)) in _unicode)
            {
                yield return (key, value, line);
            }
        }
    }

    private static bool IsSpace(byte b) => b == ' ' || (b >= '\t' && b <= '\r');

    // postmap.c: the key ends at the first unquoted whitespace; backslash protects the next byte.
    private static (int KeyEnd, int ValueStart, int ValueEnd, bool Unbalanced) Split(ReadOnlySpan<byte> line)
    {
        var inQuotes = false;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == '\\')
            {
                if (++i >= line.Length)
                {
                    break;
                }
            }
            else if (IsSpace(c))
            {
                if (!inQuotes)
                {
                    break;
                }
            }
            else if (c == '"')
            {
                inQuotes = !inQuotes;
            }

            i++;
        }

        var keyEnd = Math.Min(i, line.Length);
        var valueStart = keyEnd < line.Length ? keyEnd + 1 : keyEnd;
        while (valueStart < line.Length && IsSpace(line[valueStart]))
        {
            valueStart++;
        }

        var valueEnd = line.Length;
        while (valueEnd > valueStart && IsSpace(line[valueEnd - 1]))
        {
            valueEnd--;
        }

        return (keyEnd, valueStart, valueEnd, inQuotes);
    }

    // One logical line at a time: split, fold, index. A class (not captured locals) so the loop's state stays in registers.
    private sealed class Loader(byte[] data, bool utf8)
    {
        public ByteKeyIndex Index { get; } = new(data, data.AsSpan().Count((byte)'\n') + 1);

        public Dictionary<string, (string, int)>? Unicode { get; private set; }

        // The first duplicate among non-ASCII keys (the ASCII index reports its own from Build()).
        public int DuplicateLine { get; private set; }

        public string? DuplicateKey { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(int start, int end, int line)
        {
            var text = new ReadOnlySpan<byte>(data, start, end - start);

            // Fast path: all bytes printable-or-control ASCII without NUL, key ended by whitespace (no quotes or escapes).
            if (text.IndexOfAnyExceptInRange((byte)1, (byte)0x7f) < 0)
            {
                var stop = text.IndexOfAny(s_keyStops);
                if (stop < 0)
                {
                    return; // a key without a value: postmap ignores it (with a warning)
                }

                if (IsSpace(text[stop]))
                {
                    var valueStart = stop + 1;
                    while (valueStart < text.Length && IsSpace(text[valueStart]))
                    {
                        valueStart++;
                    }

                    var valueEnd = text.Length;
                    while (valueEnd > valueStart && IsSpace(text[valueEnd - 1]))
                    {
                        valueEnd--;
                    }

                    if (valueEnd > valueStart && stop > 0)
                    {
                        Index.Add(start, stop, start + valueEnd, line);
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

            var (keyEnd, valueStart, valueEnd, unbalanced) = Split(text);
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

            Index.Add(start, keyEnd, start + valueEnd, line);
        }
    }
}
