using System.Collections.Concurrent;

namespace PostfixLint.Model.Tables;

/// <summary>
/// The table source files of one run, each opened once (<see cref="TableBytes.Open"/>) and shared by all its readers:
/// the map rules' scan (<see cref="PostmapSource"/>), the simulator's <see cref="IndexedTable"/> and the trace's table
/// line spans. A 10^6-line source is then mapped, and resident, once per run instead of once per reader.
/// </summary>
/// <remarks>
/// Shared bytes are never written: <see cref="IndexedTable"/> joins continuation lines in a private copy. Files are
/// keyed by the path on this machine (<see cref="PathMapper.Map"/>), and read as they are at first use. Safe under
/// concurrent readers.
/// </remarks>
internal sealed class TableFiles
{
    private readonly ConcurrentDictionary<string, Lazy<TableBytes>> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PostmapSource> _scans = new(StringComparer.Ordinal);

    /// <summary>The bytes of the file <paramref name="path"/>, opened on first use (a failure to open is remembered too).</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public TableBytes Open(string path) =>
        _files.GetOrAdd(path, static p => new Lazy<TableBytes>(() => TableBytes.Open(p))).Value;

    /// <summary>Scans the postmap source <paramref name="path"/> (<see cref="PostmapSource.Scan(TableBytes, string, bool)"/>) in its shared bytes.</summary>
    /// <remarks>The scan is remembered for <see cref="IndexedTable"/>, which reuses its <see cref="PostmapSource.EntryIndex"/> instead of indexing the file again.</remarks>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public PostmapSource Scan(string path, string name, bool utf8)
    {
        var scan = PostmapSource.Scan(Open(path), name, utf8);
        _scans.TryAdd(path, scan);
        return scan;
    }

    /// <summary>A finished scan of <paramref name="path"/>'s shared bytes that indexed every entry, or null.</summary>
    public PostmapSource? IndexedScan(string path) =>
        _scans.TryGetValue(path, out var scan) && scan.EntryIndex is not null ? scan : null;
}
