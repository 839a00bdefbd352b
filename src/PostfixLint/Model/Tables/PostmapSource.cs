using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using PostfixLint.Diagnostics;
using PostfixLint.Syntax;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Model.Tables;

/// <summary>
/// What the linter needs of a postmap(1) source without a lossless tree of it: the warnings postmap prints (with their
/// spans, exactly as <see cref="LookupTableSyntax"/> words and places them), the number of entries, and the entries
/// themselves, read again from the file on demand.
/// </summary>
/// <remarks>
/// A source of 10^6 lines must cost about what <see cref="IndexedTable"/> costs, not a token list and a record per line.
/// The file is read as bytes (mapped when large) in one pass; a logical line that is one physical line of ASCII text
/// whose key ends at whitespace and has a value (nearly every line of a real table) can produce no warning but a
/// duplicate key, so only where it starts goes into a <see cref="ByteKeyIndex"/>, which finds every duplicate when it
/// sorts. Any other logical line (continued, quoted, escaped, non-ASCII, no value, <c>key:</c>, before the first
/// unindented line) is parsed by <see cref="LookupTableSyntax"/> as an excerpt of the file, so its warnings are the
/// tree's, word for word. Memory: 16 bytes a line while scanning; afterwards nothing per line, or, when every line took the
/// fast path, the index itself, which <see cref="IndexedTable"/> then reuses instead of building its own.
/// </remarks>
internal sealed class PostmapSource
{
    // The bytes that end a fast key or send the line to the excerpt parser: C isspace(), backslash, double quote.
    private static readonly SearchValues<byte> s_keyStops = SearchValues.Create(" \t\n\v\f\r\\\""u8);

    private readonly TableBytes _bytes;
    private readonly string _name;
    private readonly bool _utf8;

    // The logical lines whose key may contain '/' (excerpt lines, and plain ones that do): what Entries('/') reads.
    private readonly List<LogicalLine> _slashCandidates;

    // The logical lines that are not plain one-line entries with a plain-name key (see IsPlainName), in file order.
    private readonly List<LogicalLine> _notPlainNames;

    private PostmapSource(
        TableBytes bytes, string name, bool utf8, ImmutableArray<Diagnostic> diagnostics, int entryCount, List<LogicalLine> slashCandidates,
        List<LogicalLine> notPlainNames, ByteKeyIndex? entryIndex, ByteKeyIndex.Entry? firstDuplicate)
    {
        _bytes = bytes;
        EntryIndex = entryIndex;
        FirstDuplicate = firstDuplicate;
        _slashCandidates = slashCandidates;
        _notPlainNames = notPlainNames;
        _name = name;
        _utf8 = utf8;
        Diagnostics = diagnostics;
        EntryCount = entryCount;
    }

    /// <summary>postmap's warnings about the source, worded and placed as <see cref="LookupTableSyntax.Diagnostics"/> has them (in no particular order).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The number of lines postmap turns into a record (duplicates included).</summary>
    public int EntryCount { get; }

    /// <summary>
    /// The built index of every entry when every logical line of the source is a plain one-line entry (nearly every
    /// large table): it is then exactly the index <see cref="IndexedTable"/> builds from the same bytes, which reuses it
    /// (<see cref="TableFiles"/>). Null when some line needed the excerpt parser.
    /// </summary>
    public ByteKeyIndex? EntryIndex { get; }

    /// <summary>With <see cref="EntryIndex"/>: the earliest entry (by line) whose key an earlier entry already has, if any.</summary>
    public ByteKeyIndex.Entry? FirstDuplicate { get; }

    /// <summary>Scans the source file <paramref name="actualPath"/>; <paramref name="name"/> is the path as the configuration writes it (for messages).</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PostmapSource Scan(string actualPath, string name, bool utf8) => Scan(TableBytes.Open(actualPath), name, utf8);

    /// <summary>Scans a source file's <paramref name="bytes"/> (which it never writes, so other readers may share them); <paramref name="name"/> is the path as the configuration writes it.</summary>
    public static PostmapSource Scan(TableBytes bytes, string name, bool utf8)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var data = bytes.Span;
        var index = new ByteKeyIndex(bytes, data.Count((byte)'\n') + 1);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var excerptEntries = new List<TableEntrySyntax>();
        var entryCount = 0;
        var slashCandidates = new List<LogicalLine>();
        var notPlainNames = new List<LogicalLine>();
        var allFast = true;
        var pos = 0;
        var lineNumber = 0;
        while (NextLogicalLine(data, ref pos, ref lineNumber, out var logical))
        {
            if (Fast(data, logical) is { } split)
            {
                var key = data.Slice(logical.Start, split.KeyEnd);
                index.Add(logical.Start, key, logical.FirstLine);
                entryCount++;
                if (key.Contains((byte)'/'))
                {
                    slashCandidates.Add(logical);
                }

                if (!IsPlainName(key))
                {
                    notPlainNames.Add(logical);
                }

                continue;
            }

            allFast = false;
            slashCandidates.Add(logical);
            notPlainNames.Add(logical);
            var (entries, found) = ParseExcerpt(data, logical, name, utf8);
            diagnostics.AddRange(found);
            foreach (var entry in entries)
            {
                if (entry.Kind == TableEntryKind.Entry)
                {
                    excerptEntries.Add(entry);
                    entryCount++;
                }
            }
        }

        var duplicates = new List<ByteKeyIndex.Entry>();
        var firstDuplicate = index.Build(duplicates);
        foreach (var duplicate in duplicates)
        {
            diagnostics.Add(FastDuplicate(bytes, index, duplicate, name));
        }

        AddExcerptDuplicates(bytes, index, excerptEntries, name, diagnostics);
        GC.KeepAlive(bytes);
        return new PostmapSource(bytes, name, utf8, diagnostics.ToImmutable(), entryCount, slashCandidates, notPlainNames,
            allFast ? index : null, allFast ? firstDuplicate : null);
    }

    /// <summary>
    /// The entries and skipped lines in file order, as <see cref="LookupTableSyntax.Entries"/> has them, read again from
    /// the bytes the scan read (one entry at a time, the same mapping: a large file is resident once); only those whose
    /// key contains <paramref name="keyContains"/> when it is given, and not the plain one-line entries whose key
    /// <paramref name="skip"/> rejects (asked as each line is reached, so the caller may change its mind, but only
    /// once: after it has rejected a key, it must reject every later <see cref="IsPlainName"/> key, which are then not
    /// read at all).
    /// </summary>
    public IEnumerable<TableEntrySyntax> Entries(char? keyContains = null, FastKeyFilter? skip = null)
    {
        if (keyContains == '/')
        {
            // The scan noted where such keys can be: only those lines are read again.
            foreach (var logical in _slashCandidates)
            {
                foreach (var entry in EntriesOf(logical, keyContains, skip))
                {
                    yield return entry;
                }
            }

            yield break;
        }

        var bytes = _bytes;
        var pos = 0;
        var lineNumber = 0;
        var buffer = new List<TableEntrySyntax>();
        var skipped = false;
        while (!skipped)
        {
            buffer.Clear();
            if (!NextLine(bytes, ref pos, ref lineNumber, keyContains, skip, buffer, out skipped))
            {
                yield break;
            }

            foreach (var entry in buffer)
            {
                yield return entry;
            }
        }

        // skip has rejected a plain name, so it rejects every later one: only the other lines can still give entries.
        var next = _notPlainNames.FindIndex(l => l.Start >= pos);
        for (var i = next < 0 ? _notPlainNames.Count : next; i < _notPlainNames.Count; i++)
        {
            buffer.Clear();
            AddEntries(bytes.Span, _notPlainNames[i], keyContains, skip, buffer, out _);
            foreach (var entry in buffer)
            {
                yield return entry;
            }
        }

        GC.KeepAlive(bytes);
    }

    /// <summary>
    /// True for a key that names no address, network or partial address in any form smtpd looks up: no <c>/</c>,
    /// <c>[</c>, <c>]</c> or <c>:</c>, and an <c>@</c> or a letter that is neither a hex digit nor <c>x</c>.
    /// </summary>
    public static bool IsPlainName(ReadOnlySpan<byte> key)
    {
        if (key.IndexOfAny("/[]:"u8) >= 0)
        {
            return false;
        }

        foreach (var b in key)
        {
            var c = (char)b;
            if (c == '@' || (char.IsAsciiLetter(c) && !char.IsAsciiHexDigit(c) && c is not ('x' or 'X')))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The entry that starts on line <paramref name="line"/>, or null.</summary>
    /// <remarks>Reads the file up to that line.</remarks>
    public TableEntrySyntax? EntryAt(int line) =>
        Entries().FirstOrDefault(e => e.Kind == TableEntryKind.Entry && e.Line == line);

    private List<TableEntrySyntax> EntriesOf(LogicalLine logical, char? keyContains, FastKeyFilter? skip)
    {
        var into = new List<TableEntrySyntax>();
        AddEntries(_bytes.Span, logical, keyContains, skip, into, out _);
        GC.KeepAlive(_bytes);
        return into;
    }

    // The next logical line's entries (none, one, or a skipped line); false at the end of the file.
    private bool NextLine(
        TableBytes bytes, ref int pos, ref int lineNumber, char? keyContains, FastKeyFilter? skip, List<TableEntrySyntax> into, out bool skipped)
    {
        skipped = false;
        if (!NextLogicalLine(bytes.Span, ref pos, ref lineNumber, out var logical))
        {
            return false;
        }

        AddEntries(bytes.Span, logical, keyContains, skip, into, out skipped);
        return true;
    }

    private void AddEntries(
        ReadOnlySpan<byte> data, LogicalLine logical, char? keyContains, FastKeyFilter? skip, List<TableEntrySyntax> into, out bool skipped)
    {
        skipped = false;
        if (Fast(data, logical) is { } split)
        {
            var key = data.Slice(logical.Start, split.KeyEnd);
            if (keyContains is { } c && key.IndexOf((byte)c) < 0)
            {
                return;
            }

            if (skip is not null && skip(key))
            {
                skipped = true;
                return;
            }

            var start = logical.Start;
            into.Add(new TableEntrySyntax(
                TableEntryKind.Entry, logical.FirstLine, Encoding.Latin1.GetString(key), new TextSpan(start, split.KeyEnd),
                Encoding.Latin1.GetString(data.Slice(start + split.ValueStart, split.ValueEnd - split.ValueStart)),
                new TextSpan(start + split.ValueStart, split.ValueEnd - split.ValueStart),
                TextSpan.FromBounds(start, logical.ContentEnd)));
            return;
        }

        var (entries, _) = ParseExcerpt(data, logical, _name, _utf8);
        foreach (var entry in entries)
        {
            if (keyContains is not { } k || entry.Key.Contains(k, StringComparison.Ordinal))
            {
                into.Add(entry);
            }
        }
    }

    /// <summary>A question about the key of a plain one-line entry (ASCII bytes, as written), asked before any string is made of it.</summary>
    public delegate bool FastKeyFilter(ReadOnlySpan<byte> key);

    /// <summary>Where a logical line is (readllines(): a first line, then the indented lines after it, skipping blank and comment lines).</summary>
    private readonly record struct LogicalLine(int Start, int FirstLine, bool Indented, int FirstDataEnd, int Pieces, int End, int ContentEnd);

    private static bool NextLogicalLine(ReadOnlySpan<byte> data, ref int pos, ref int lineNumber, out LogicalLine logical)
    {
        while (pos < data.Length)
        {
            var (dataEnd, end, contentEnd, kind) = PhysicalLines.Classify(data, pos);
            lineNumber++;
            if (kind is PhysicalLineKind.Blank or PhysicalLineKind.Comment)
            {
                pos = end;
                continue;
            }

            var start = pos;
            var firstLine = lineNumber;
            var pieces = 1;
            var logicalEnd = end;
            var logicalContentEnd = contentEnd;
            pos = end;

            // Blank and comment lines do not end a logical line; only a line that starts with non-whitespace does.
            var scan = pos;
            var scanLine = lineNumber;
            while (scan < data.Length && (ByteKeyIndex.IsSpace(data[scan]) || data[scan] == '#'))
            {
                // (A line that starts with text starts the next logical line: the loop stops without reading it.)
                var (_, nextEnd, nextContentEnd, nextKind) = PhysicalLines.Classify(data, scan);
                if (nextKind == PhysicalLineKind.Start)
                {
                    break;
                }

                scanLine++;
                scan = nextEnd;
                if (nextKind == PhysicalLineKind.Continuation)
                {
                    pieces++;
                    logicalEnd = nextEnd;
                    logicalContentEnd = nextContentEnd;
                    pos = nextEnd;
                    lineNumber = scanLine;
                }
            }

            logical = new LogicalLine(start, firstLine, kind == PhysicalLineKind.Continuation, dataEnd, pieces, logicalEnd, logicalContentEnd);
            return true;
        }

        logical = default;
        return false;
    }

    // A line that can give no warning but a duplicate key: one physical line, ASCII without NUL, the key ended by
    // whitespace (no quote, no backslash), not "key:", and a value after it. Null for any other line.
    private static PostmapSplit? Fast(ReadOnlySpan<byte> data, LogicalLine logical)
    {
        if (logical.Pieces != 1 || logical.Indented)
        {
            return null;
        }

        var text = data[logical.Start..logical.FirstDataEnd];
        if (text.IndexOfAnyExceptInRange((byte)1, (byte)0x7f) >= 0)
        {
            return null;
        }

        var stop = text.IndexOfAny(s_keyStops);
        if (stop <= 0 || !ByteKeyIndex.IsSpace(text[stop]) || text[stop - 1] == ':')
        {
            return null;
        }

        // TableText.SplitPostmapLine() of such a line: the key ends at the first whitespace, no quote is open.
        var valueStart = stop + 1;
        while (valueStart < text.Length && ByteKeyIndex.IsSpace(text[valueStart]))
        {
            valueStart++;
        }

        var valueEnd = text.Length;
        while (valueEnd > valueStart && ByteKeyIndex.IsSpace(text[valueEnd - 1]))
        {
            valueEnd--;
        }

        return valueEnd > valueStart ? new PostmapSplit(stop, valueStart, valueEnd, false) : null;
    }

    private static (ImmutableArray<TableEntrySyntax> Entries, ImmutableArray<Diagnostic> Diagnostics) ParseExcerpt(
        ReadOnlySpan<byte> data, LogicalLine logical, string name, bool utf8)
    {
        var text = Encoding.Latin1.GetString(data[logical.Start..logical.End]);
        var (entries, diagnostics) = LookupTableSyntax.ParseExcerpt(text, logical.FirstLine, TableSourceFormat.Postmap, name, utf8);
        var shift = logical.Start;
        return (
            [.. entries.Select(e => e with { KeySpan = Shift(e.KeySpan, shift), ValueSpan = Shift(e.ValueSpan, shift), Span = Shift(e.Span, shift) })],
            [.. diagnostics.Select(d => d.Span is { } span ? d with { Span = Shift(span, shift) } : d)]);
    }

    private static TextSpan Shift(TextSpan span, int by) => new(span.Start + by, span.Length);

    private static Diagnostic FastDuplicate(TableBytes bytes, ByteKeyIndex index, ByteKeyIndex.Entry entry, string name)
    {
        var (key, _) = index.GetKeyAndValue(entry);
        return DuplicateDiagnostic(name, entry.Line, bytes.GetString(key.Offset, key.Length), new TextSpan(key.Offset, key.Length));
    }

    // LookupTableSyntax's wording for a postmap source (dict_thash.c's "duplicate entry").
    private static Diagnostic DuplicateDiagnostic(string name, int line, string key, TextSpan span) =>
        new(DiagnosticIds.TableDuplicateKey, DiagnosticSeverity.Warning, name, span, $"{name}, line {line}: duplicate entry: \"{key}\"");

    // Keys of excerpt lines against each other and against the fast keys: every occurrence after the first is a duplicate.
    private static void AddExcerptDuplicates(
        TableBytes bytes, ByteKeyIndex index, List<TableEntrySyntax> entries, string name, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var groups = new Dictionary<string, List<TableEntrySyntax>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var folded = TableText.FoldKey(entry.Key);
            if (!groups.TryGetValue(folded, out var group))
            {
                group = [];
                groups[folded] = group;
            }

            group.Add(entry);
        }

        foreach (var (folded, group) in groups)
        {
            ByteKeyIndex.Entry? fast = null;
            if (System.Text.Ascii.IsValid(folded))
            {
                var key = Encoding.Latin1.GetBytes(folded);
                if (index.TryGet(key, out var found))
                {
                    fast = found;
                }
            }

            // group is in file order; the fast index keeps the first fast occurrence (later ones are reported by Build).
            var first = fast is { } f && f.Line < group[0].Line ? -1 : 0;
            for (var i = 0; i < group.Count; i++)
            {
                if (i != first)
                {
                    diagnostics.Add(DuplicateDiagnostic(name, group[i].Line, group[i].Key, group[i].KeySpan));
                }
            }

            if (fast is { } later && first == 0)
            {
                diagnostics.Add(FastDuplicate(bytes, index, later, name));
            }
        }
    }
}
