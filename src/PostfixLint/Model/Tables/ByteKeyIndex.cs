using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PostfixLint.Model.Tables;

/// <summary>
/// An index over ASCII keys that live in one byte buffer, stored as offsets (no per-key objects), matched
/// ASCII-case-insensitively (<c>DICT_FLAG_FOLD_FIX</c>) without rewriting the buffer.
/// </summary>
/// <remarks>
/// Built in two steps so a 10^6-key load never touches memory at random: <see cref="Add"/> appends entries and
/// (hash, entry) pairs in input order; <see cref="Build"/> radix-sorts the pairs by hash (stable, so equal keys stay
/// in input order and the first one wins) and drops duplicates. A lookup is a binary search over the sorted pairs.
/// Every hot method is compiled fully optimized from its first call: a load is over before tiered compilation
/// would promote it.
/// </remarks>
internal sealed class ByteKeyIndex
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;

    private readonly byte[] _data;
    private Entry[] _entries;
    private ulong[] _pairs;
    private int[] _histogram = new int[3 * Buckets];
    private int _added;

    /// <summary>Creates an index over <paramref name="data"/> with room for <paramref name="capacity"/> keys.</summary>
    public ByteKeyIndex(byte[] data, int capacity)
    {
        _data = data;
        capacity = Math.Max(8, capacity);
        _entries = new Entry[capacity];
        _pairs = new ulong[capacity];
    }

    /// <summary>The number of distinct keys (after <see cref="Build"/>).</summary>
    public int Count { get; private set; }

    /// <summary>Appends the ASCII key at <paramref name="keyOffset"/> (duplicates are resolved by <see cref="Build"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int keyOffset, int keyLength, int valueEnd, int line)
    {
        var index = _added;
        if (index == _entries.Length)
        {
            Array.Resize(ref _entries, index * 2);
            Array.Resize(ref _pairs, index * 2);
        }

        var hash = Hash(new ReadOnlySpan<byte>(_data, keyOffset, keyLength));
        _entries[index] = new Entry(keyOffset, keyLength, valueEnd, line);
        _pairs[index] = ((ulong)hash << 32) | (uint)index;
        var histogram = _histogram;
        histogram[(int)(hash & (Buckets - 1))]++;
        histogram[Buckets + (int)((hash >> DigitBits) & (Buckets - 1))]++;
        histogram[(2 * Buckets) + (int)(hash >> (2 * DigitBits))]++;
        _added = index + 1;
    }

    /// <summary>
    /// Sorts and deduplicates the keys added so far; returns the entry of the earliest duplicate (by line), if any.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Entry? Build()
    {
        var count = _added;
        var source = _pairs.AsSpan(0, count);
        var scratch = new ulong[count];
        var target = scratch.AsSpan();

        // LSD radix sort on the hash (bits 32..63), 11 + 11 + 10 bits: three sequential scatters, stable.
        for (var pass = 0; pass < 3; pass++)
        {
            var offsets = _histogram.AsSpan(pass * Buckets, Buckets);
            var sum = 0;
            for (var b = 0; b < offsets.Length; b++)
            {
                var n = offsets[b];
                offsets[b] = sum;
                sum += n;
            }

            var shift = 32 + (pass * DigitBits);
            foreach (var pair in source)
            {
                ref var slot = ref offsets[(int)(pair >> shift) & (Buckets - 1)];
                target[slot++] = pair;
            }

            var swap = source;
            source = target;
            target = swap;
        }

        // Three passes end in the scratch array; it becomes the index and the old one is dropped.
        _pairs = scratch;
        _histogram = [];
        var pairs = scratch.AsSpan(0, count);
        Entry? duplicate = null;
        var kept = 0;
        var runStart = 0;
        for (var i = 0; i < pairs.Length; i++)
        {
            var pair = pairs[i];
            if (kept > 0 && (pairs[kept - 1] >> 32) != (pair >> 32))
            {
                runStart = kept;
            }

            var entry = _entries[(int)(uint)pair];
            var isDuplicate = false;
            for (var k = runStart; k < kept; k++)
            {
                if (KeyEquals(_entries[(int)(uint)pairs[k]], entry))
                {
                    isDuplicate = true;
                    break;
                }
            }

            if (!isDuplicate)
            {
                pairs[kept++] = pair;
            }
            else if (duplicate is null || entry.Line < duplicate.Value.Line)
            {
                duplicate = entry;
            }
        }

        Count = kept;
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

        for (; low < pairs.Length && (pairs[low] >> 32) == hash; low++)
        {
            entry = _entries[(int)(uint)pairs[low]];
            if (entry.KeyLength == key.Length
                && System.Text.Ascii.EqualsIgnoreCase(new ReadOnlySpan<byte>(_data, entry.KeyOffset, entry.KeyLength), key))
            {
                return true;
            }
        }

        entry = default;
        return false;
    }

    /// <summary>The <paramref name="index"/>-th distinct key's entry (0-based, in hash order).</summary>
    public Entry this[int index] =>
        (uint)index < (uint)Count ? _entries[(int)(uint)_pairs[index]] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>
    /// The bytes after a key's separator up to <see cref="Entry.ValueEnd"/>, leading whitespace skipped: the value
    /// exactly as the loader split it (recomputed, so an entry needs four ints, not five).
    /// </summary>
    public (int Offset, int Length) GetValue(in Entry entry)
    {
        var start = entry.KeyOffset + entry.KeyLength;
        if (start < entry.ValueEnd)
        {
            start++;
        }

        while (start < entry.ValueEnd && IsSpace(_data[start]))
        {
            start++;
        }

        return (start, entry.ValueEnd - start);
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

    private static bool IsSpace(byte b) => b == ' ' || (b >= '\t' && b <= '\r');

    private bool KeyEquals(Entry x, Entry y) =>
        x.KeyLength == y.KeyLength
        && System.Text.Ascii.EqualsIgnoreCase(
            new ReadOnlySpan<byte>(_data, x.KeyOffset, x.KeyLength), new ReadOnlySpan<byte>(_data, y.KeyOffset, y.KeyLength));

    /// <summary>A key's (offset, length) in the buffer, where its value ends, and its 1-based source line.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public readonly record struct Entry(int KeyOffset, int KeyLength, int ValueEnd, int Line);
}
