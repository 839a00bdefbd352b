using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Model.Tables;

/// <summary>
/// A fixed-key table read from a postmap(1) source in one pass, as hash/btree/lmdb/cdb/dbm/texthash see it after
/// <c>postmap</c> has run: keys folded (<c>DICT_FLAG_FOLD_FIX</c>), the first value kept for a duplicate key.
/// </summary>
/// <remarks>
/// The hot path for large sources: the file stays one byte array, logical lines are joined in place, ASCII keys are
/// lowercased in place, and a dictionary maps (offset, length) keys to (offset, length, line) values. No per-line
/// strings, regexes or parser combinators. Keys with non-ASCII bytes go to a small string dictionary.
/// </remarks>
public sealed class IndexedTable : ILookupTable
{
    private readonly byte[] _data;
    private readonly Dictionary<Slice, Entry> _entries;
    private readonly Dictionary<string, (string Value, int Line)>? _unicode;
    private readonly string _source;

    private IndexedTable(string spec, string source, byte[] data, Dictionary<Slice, Entry> entries,
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
        var span = data.AsSpan();
        var entries = new Dictionary<Slice, Entry>(Math.Max(16, span.Count((byte)'\n') + 1), new SliceComparer(data));
        Dictionary<string, (string, int)>? unicode = null;
        var duplicateLine = 0;
        string? duplicateKey = null;
        var pos = 0;
        var lineNumber = 0;
        var length = data.Length;
        var logicalEnd = -1;
        var logicalStart = 0;
        var firstLine = 0;
        while (pos < length)
        {
            var newline = span[pos..].IndexOf((byte)'\n');
            var end = newline < 0 ? length : pos + newline;
            lineNumber++;
            var p = pos;
            while (p < end && IsSpace(data[p]))
            {
                p++;
            }

            if (p == end || data[p] == (byte)'#')
            {
                // readllines(): blank and comment lines never end or start a logical line.
            }
            else if (p == pos)
            {
                Flush();
                logicalStart = pos;
                logicalEnd = end;
                firstLine = lineNumber;
            }
            else if (logicalEnd >= 0)
            {
                // Continuation: join in place, keeping the leading whitespace as readllines() does.
                var piece = end - pos;
                if (logicalEnd != pos)
                {
                    Buffer.BlockCopy(data, pos, data, logicalEnd, piece);
                }

                logicalEnd += piece;
            }

            pos = end + 1;
        }

        Flush();
        return new IndexedTable(spec, source, data, entries, unicode, duplicateLine, duplicateKey);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Flush()
        {
            if (logicalEnd < 0)
            {
                return;
            }

            var line = data.AsSpan(logicalStart, logicalEnd - logicalStart);
            var nul = line.IndexOf((byte)0);
            if (nul >= 0)
            {
                line = line[..nul];
            }

            logicalEnd = -1;
            var ascii = System.Text.Ascii.IsValid(line);
            if (!ascii && utf8 && !Utf8.IsValid(line))
            {
                return;
            }

            var (keyEnd, valueStart, valueEnd, unbalanced) = Split(line);
            if (unbalanced || keyEnd == 0 || valueEnd <= valueStart)
            {
                return;
            }

            var keySpan = line[..keyEnd];
            if (!ascii && !System.Text.Ascii.IsValid(keySpan))
            {
                unicode ??= new Dictionary<string, (string, int)>(StringComparer.Ordinal);
                var key = TableText.FoldKey(Encoding.Latin1.GetString(keySpan));
                if (!unicode.TryAdd(key, (Encoding.Latin1.GetString(line[valueStart..valueEnd]), firstLine)) && duplicateLine == 0)
                {
                    duplicateLine = firstLine;
                    duplicateKey = Encoding.Latin1.GetString(keySpan);
                }

                return;
            }

            // Keep the key as written (for the texthash duplicate message) only while no duplicate was seen yet.
            Span<byte> original = duplicateLine == 0 && keySpan.Length <= 256 ? stackalloc byte[keySpan.Length] : default;
            if (original.Length == keySpan.Length)
            {
                keySpan.CopyTo(original);
            }
            System.Text.Ascii.ToLowerInPlace(keySpan, out _);
            var entry = new Entry(logicalStart + valueStart, valueEnd - valueStart, firstLine);
            if (!entries.TryAdd(new Slice(logicalStart, keyEnd), entry) && duplicateLine == 0)
            {
                duplicateLine = firstLine;
                duplicateKey = Encoding.Latin1.GetString(original.Length == keySpan.Length ? original : keySpan);
            }
        }
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

        var lookup = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (!lookup.TryGetValue(bytes, out var entry))
        {
            return TableLookup.NotFound;
        }

        return TableLookup.Found(Encoding.Latin1.GetString(_data, entry.Offset, entry.Length), _source, entry.Line);
    }

    /// <summary>Every entry as (folded key, value, line), in no particular order (for tests and rules).</summary>
    public IEnumerable<(string Key, string Value, int Line)> GetEntries()
    {
        foreach (var (key, entry) in _entries)
        {
            yield return (Encoding.Latin1.GetString(_data, key.Offset, key.Length),
                Encoding.Latin1.GetString(_data, entry.Offset, entry.Length), entry.Line);
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

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Slice(int Offset, int Length);

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Entry(int Offset, int Length, int Line);

    private sealed class SliceComparer(byte[] data) : IEqualityComparer<Slice>, IAlternateEqualityComparer<ReadOnlySpan<byte>, Slice>
    {
        public bool Equals(Slice x, Slice y) =>
            data.AsSpan(x.Offset, x.Length).SequenceEqual(data.AsSpan(y.Offset, y.Length));

        public int GetHashCode(Slice obj) => Hash(data.AsSpan(obj.Offset, obj.Length));

        public bool Equals(ReadOnlySpan<byte> alternate, Slice other) => alternate.SequenceEqual(data.AsSpan(other.Offset, other.Length));

        public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

        public Slice Create(ReadOnlySpan<byte> alternate) => throw new NotSupportedException();

        // A fast multiplicative hash over 8-byte words; table keys come from configuration files, not attackers.
        private static int Hash(ReadOnlySpan<byte> bytes)
        {
            var hash = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
            while (bytes.Length >= 8)
            {
                hash = (hash ^ MemoryMarshal.Read<ulong>(bytes)) * 0xFF51AFD7ED558CCDUL;
                hash ^= hash >> 32;
                bytes = bytes[8..];
            }

            ulong tail = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                tail |= (ulong)bytes[i] << (8 * i);
            }

            hash = (hash ^ tail) * 0xC4CEB9FE1A85EC53UL;
            return (int)(hash ^ (hash >> 29) ^ (hash >> 41));
        }
    }
}
