namespace PostfixLint.Model.Values;

/// <summary>
/// The expanded text of each parameter whose expansion ran without a message, for one lookup (one name space), with
/// what it cost there: the macro calls it made and how deep it nested.
/// </summary>
/// <remarks>
/// Not Postfix: without it, a chain of parameters that each name the previous one twice (<c>eN = $e(N-1) $e(N-1)</c>)
/// makes 2^N macro calls to build text of 2^N characters, for each value that names it. With it, each parameter of the
/// chain is expanded once per name space. An entry is reused only where expanding the value again would reach neither
/// the nesting limit nor an expansion limit (<see cref="InputLimits"/>), and the reuse counts its macro calls as made,
/// so the result, the messages and every later limit check are the same as without it. Bounded: at most
/// <see cref="MaxChars"/> characters are kept. Safe for concurrent use.
/// </remarks>
internal sealed class ExpansionValueMemo
{
    /// <summary>The most characters kept over all entries: 16 Mi (32 MiB).</summary>
    public const long MaxChars = 16L << 20;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _chars;

    /// <summary>
    /// One expansion: its text, its macro calls, the deepest nesting level it checked (relative to where it started), how
    /// many comparison operands deep it checked (relative too; 0 without a comparison) and whether it named an undefined
    /// parameter.
    /// </summary>
    public sealed record Entry(string Text, int Steps, int Depth, int OperandDepth, bool UsedUndefined);

    /// <summary>The entry for <paramref name="name"/>, or null.</summary>
    public Entry? Find(string name)
    {
        lock (_entries)
        {
            return _entries.GetValueOrDefault(name);
        }
    }

    /// <summary>Keeps <paramref name="entry"/> for <paramref name="name"/> while the memo has room.</summary>
    public void Add(string name, Entry entry)
    {
        lock (_entries)
        {
            if (_chars + entry.Text.Length <= MaxChars && _entries.TryAdd(name, entry))
            {
                _chars += entry.Text.Length;
            }
        }
    }
}
