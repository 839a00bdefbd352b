using PostfixLint.Syntax.Tables;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PostfixLint.Model.Tables;

/// <summary>
/// An index over ASCII keys that live in one byte buffer, stored as offsets (no per-key objects), matched
/// ASCII-case-insensitively (<c>DICT_FLAG_FOLD_FIX</c>) without rewriting the buffer.
/// </summary>
/// <remarks>
/// Built in two steps so a 10^6-key load never touches memory at random: <see cref="Add"/> appends (start, line)
/// entries and (hash, entry) pairs in input order; <see cref="Build"/> sorts the pairs by hash then entry (an in-place
/// radix passes on the top 16 bits, then insertion sorts of a few pairs), so equal keys stay in input order and the first one wins,
/// and drops duplicates. A lookup is a binary search over the sorted pairs. An entry keeps only where its logical line
/// starts: key and value are split again on demand (8 bytes a key, not 20). Every hot method is compiled fully
/// optimized from its first call: a load is over before tiered compilation would promote it.
/// </remarks>
internal sealed class ByteKeyIndex
{

    private readonly TableBytes _data;
    private Entry[] _entries;
    private ulong[] _pairs;
    private const int Buckets = 256;

    private int[] _histogram = new int[Buckets];
    private int _added;

    /// <summary>Creates an index over <paramref name="data"/> with room for <paramref name="capacity"/> keys.</summary>
    public ByteKeyIndex(TableBytes data, int capacity)
    {
        _data = data;
        capacity = Math.Max(8, capacity);
        _entries = new Entry[capacity];
        _pairs = new ulong[capacity];
    }

    /// <summary>The number of distinct keys (after <see cref="Build"/>).</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Appends the logical line at <paramref name="start"/> whose ASCII key is <paramref name="key"/> (the line ends at
    /// the next newline; duplicates are resolved by <see cref="Build"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int start, ReadOnlySpan<byte> key, int line)
    {
        var index = _added;
        if (index == _entries.Length)
        {
            Array.Resize(ref _entries, index * 2);
            Array.Resize(ref _pairs, index * 2);
        }

        var hash = Hash(key);
        _entries[index] = new Entry(start, line);
        _pairs[index] = ((ulong)hash << 32) | (uint)index;
        _histogram[(int)(hash >> 24)]++;
        _added = index + 1;
    }

    /// <summary>
    /// Sorts and deduplicates the keys added so far; returns the entry of the earliest duplicate (by line), if any.
    /// </summary>
    /// <param name="duplicates">When given, receives every entry whose key an earlier entry already has (in no particular order).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Entry? Build(List<Entry>? duplicates = null)
    {
        var pairs = _pairs.AsSpan(0, _added);
        SortByHashThenEntry(pairs, _histogram);
        _histogram = [];

        var data = _data.Span;
        Entry? duplicate = null;
        var kept = 0;
        var runStart = 0;
        for (var i = 0; i < pairs.Length; i++)
        {
            var pair = pairs[i];
            var isDuplicate = false;
            if (kept > 0 && (pairs[kept - 1] >> 32) == (pair >> 32))
            {
                // Equal hashes: compare the keys (rare, except for real duplicates).
                var key = Key(data, _entries[(int)(uint)pair].Start);
                for (var k = runStart; k < kept && !isDuplicate; k++)
                {
                    isDuplicate = System.Text.Ascii.EqualsIgnoreCase(Key(data, _entries[(int)(uint)pairs[k]].Start), key);
                }
            }
            else
            {
                runStart = kept;
            }

            if (!isDuplicate)
            {
                pairs[kept++] = pair;
                continue;
            }

            duplicates?.Add(_entries[(int)(uint)pair]);
            if (duplicate is null || _entries[(int)(uint)pair].Line < duplicate.Value.Line)
            {
                duplicate = _entries[(int)(uint)pair];
            }
        }

        Count = kept;
        GC.KeepAlive(_data);
        return duplicate;
    }

    /// <summary>Finds the entry for a lowercased ASCII key.</summary>
    public bool TryGet(ReadOnlySpan<byte> key, out Entry entry)
    {
        var hash = (ulong)Hash(key);
        var pairs = _pairs.AsSpan(0, Count);
        var low = 0;
        var high = pairs.Length;
        while (low < high)
        {
            var middle = (int)(((uint)low + (uint)high) >> 1);
            if ((pairs[middle] >> 32) < hash)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var data = _data.Span;
        for (; low < pairs.Length && (pairs[low] >> 32) == hash; low++)
        {
            entry = _entries[(int)(uint)pairs[low]];
            if (System.Text.Ascii.EqualsIgnoreCase(Key(data, entry.Start), key))
            {
                GC.KeepAlive(_data);
                return true;
            }
        }

        GC.KeepAlive(_data);
        entry = default;
        return false;
    }

    /// <summary>The <paramref name="index"/>-th distinct key's entry (0-based, in hash order).</summary>
    public Entry this[int index] =>
        (uint)index < (uint)Count ? _entries[(int)(uint)_pairs[index]] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>An entry's key and value as (offset, length) pairs, split again exactly as the loader split them.</summary>
    public ((int Offset, int Length) Key, (int Offset, int Length) Value) GetKeyAndValue(Entry entry)
    {
        var (_, keyEnd, valueStart, valueEnd, _) = Parse(_data.Span, entry.Start);
        GC.KeepAlive(_data);
        return ((entry.Start, keyEnd), (entry.Start + valueStart, valueEnd - valueStart));
    }

    /// <summary>C isspace() in the C locale: space, tab, newline, vertical tab, form feed, carriage return.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(byte b) => b == ' ' || (b >= '\t' && b <= '\r');

    /// <summary>
    /// Splits a logical line (NUL already cut off) as postmap does: the key ends at the first unquoted whitespace, a
    /// backslash protects the next byte, the value is the rest without surrounding whitespace.
    /// </summary>
    public static (int KeyEnd, int ValueStart, int ValueEnd, bool Unbalanced) Split(ReadOnlySpan<byte> line)
    {
        var split = TableText.SplitPostmapLine(line);
        return (split.KeyEnd, split.ValueStart, split.ValueEnd, split.UnbalancedQuote);
    }

    /// <summary>
    /// A 32-bit hash of an ASCII key after ASCII lowercasing, 8 bytes at a time (keys come from configuration files,
    /// not from attackers, so speed beats flooding resistance).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint Hash(ReadOnlySpan<byte> key)
    {
        ref var start = ref MemoryMarshal.GetReference(key);
        var length = key.Length;
        var hash = 0x9E3779B97F4A7C15UL ^ (ulong)length;
        var i = 0;
        for (; i + 8 <= length; i += 8)
        {
            hash = Mix(hash, Lower(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i))));
        }

        if (i < length)
        {
            ulong tail;
            if (length >= 8)
            {
                // The last 8 bytes, overlapping the previous word: no byte loop for the tail.
                tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, length - 8));
            }
            else
            {
                tail = 0;
                for (var j = 0; i + j < length; j++)
                {
                    tail |= (ulong)Unsafe.Add(ref start, i + j) << (8 * j);
                }
            }

            hash = Mix(hash, Lower(tail));
        }

        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53UL;
        hash ^= hash >> 29;
        return (uint)(hash >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong hash, ulong word)
    {
        hash = (hash ^ word) * 0xFF51AFD7ED558CCDUL;
        return hash ^ (hash >> 32);
    }

    // SWAR ASCII lowercasing of 8 bytes (all < 0x80): a byte's high bit after +0x3F means >= 'A', after +0x25 means > 'Z'.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Lower(ulong word)
    {
        const ulong high = 0x8080808080808080UL;
        var atLeastA = word + 0x3F3F3F3F3F3F3F3FUL;
        var aboveZ = word + 0x2525252525252525UL;
        return word | ((atLeastA & ~aboveZ & high) >> 2);
    }

    // The logical line at start ends at the next newline (the loader writes one after a joined line) or a NUL.
    private static (int Length, int KeyEnd, int ValueStart, int ValueEnd, bool Unbalanced) Parse(ReadOnlySpan<byte> data, int start)
    {
        var line = data[start..];
        var end = line.IndexOfAny((byte)'\n', (byte)0);
        if (end >= 0)
        {
            line = line[..end];
        }

        var (keyEnd, valueStart, valueEnd, unbalanced) = Split(line);
        return (line.Length, keyEnd, valueStart, valueEnd, unbalanced);
    }

    private static ReadOnlySpan<byte> Key(ReadOnlySpan<byte> data, int start) => data.Slice(start, Parse(data, start).KeyEnd);

    // In place: an American flag sort on the top 8 hash bits (histogram counted by Add, 256 sequential write streams),
    // then the same on the next 8 bits inside each bucket while it sits in cache, then insertion sorts of the few
    // pairs left per bucket. Sorting the whole 64-bit pair orders equal hashes by entry, i.e. input order.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortByHashThenEntry(Span<ulong> pairs, int[] histogram)
    {
        Span<int> ends = stackalloc int[Buckets];
        FlagSort(pairs, histogram, 56, ends);
        Span<int> counts = stackalloc int[Buckets];
        Span<int> innerEnds = stackalloc int[Buckets];
        var from = 0;
        for (var b = 0; b < Buckets; b++)
        {
            var bucket = pairs[from..ends[b]];
            from = ends[b];
            if (bucket.Length <= 32)
            {
                InsertionSort(bucket);
                continue;
            }

            counts.Clear();
            foreach (var pair in bucket)
            {
                counts[(int)(pair >> 48) & (Buckets - 1)]++;
            }

            FlagSort(bucket, counts, 48, innerEnds);
            var innerFrom = 0;
            for (var c = 0; c < Buckets; c++)
            {
                InsertionSort(bucket[innerFrom..innerEnds[c]]);
                innerFrom = innerEnds[c];
            }
        }
    }

    // One American flag pass on the byte at shift; ends receives each bucket's end.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FlagSort(Span<ulong> pairs, ReadOnlySpan<int> counts, int shift, Span<int> ends)
    {
        Span<int> next = stackalloc int[Buckets];
        var sum = 0;
        for (var b = 0; b < Buckets; b++)
        {
            next[b] = sum;
            sum += counts[b];
            ends[b] = sum;
        }

        for (var b = 0; b < Buckets; b++)
        {
            while (next[b] < ends[b])
            {
                var value = pairs[next[b]];
                var digit = (int)(value >> shift) & (Buckets - 1);
                while (digit != b)
                {
                    // Put value where its bucket fills next and carry on with what was there.
                    ref var slot = ref pairs[next[digit]++];
                    (value, slot) = (slot, value);
                    digit = (int)(value >> shift) & (Buckets - 1);
                }

                pairs[next[b]++] = value;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InsertionSort(Span<ulong> pairs)
    {
        for (var i = 1; i < pairs.Length; i++)
        {
            var value = pairs[i];
            var j = i - 1;
            while (j >= 0 && pairs[j] > value)
            {
                pairs[j + 1] = pairs[j];
                j--;
            }

            pairs[j + 1] = value;
        }
    }

    /// <summary>Where a key's logical line starts in the buffer, and its 1-based source line.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public readonly record struct Entry(int Start, int Line);
}
