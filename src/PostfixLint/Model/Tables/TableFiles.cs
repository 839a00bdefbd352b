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

    /// <summary>The bytes of the file <paramref name="path"/>, opened on first use (a failure to open is remembered too).</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public TableBytes Open(string path) =>
        _files.GetOrAdd(path, static p => new Lazy<TableBytes>(() => TableBytes.Open(p))).Value;
}
