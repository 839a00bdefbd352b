using PostfixLint.Fixing;

namespace PostfixLint.Execution;

/// <summary>
/// The database files of the tables a plan rebuilds, as they were before the plan ran: their bytes, or that they did not
/// exist; so a rollback leaves the configuration directory as it was (a database <c>postmap</c> created for a new table
/// is removed again).
/// </summary>
internal sealed class DatabaseSnapshot
{
    /// <summary>The files <c>postmap</c>/<c>postalias</c> may write next to a source, by table type (postmap(1), the dict_*.c suffixes).</summary>
    private static readonly string[] s_suffixes = [".db", ".lmdb", ".cdb", ".pag", ".dir"];

    private readonly List<(string Source, string Path, byte[]? Bytes, DateTime Time)> _files = [];

    /// <summary>Records the database files of <paramref name="rebuilds"/>' tables.</summary>
    public static DatabaseSnapshot Take(IEnumerable<RebuildMap> rebuilds)
    {
        var snapshot = new DatabaseSnapshot();
        foreach (var map in rebuilds)
        {
            foreach (var suffix in s_suffixes)
            {
                var path = map.Path + suffix;
                var exists = File.Exists(path);
                snapshot._files.Add((map.Path, path, exists ? File.ReadAllBytes(path) : null, exists ? File.GetLastWriteTimeUtc(path) : default));
            }
        }

        return snapshot;
    }

    /// <summary>Puts every recorded database file back (or removes it when it did not exist); returns the sources whose database could not be put back.</summary>
    public HashSet<string> Restore(System.Collections.Immutable.ImmutableArray<string>.Builder steps)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (source, path, bytes, time) in _files)
        {
            try
            {
                if (bytes is null)
                {
                    if (File.Exists(path))
                    {
                        File.Delete(path);
                        steps.Add($"rollback: removed {path} (built by this run)");
                    }
                }
                else if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
                {
                    AtomicFileWriter.WriteReplacing(File.Exists(path) ? path : source, path, bytes);

                    // Its old time too: whether it is older than its source is what Postfix and PFL404 look at.
                    File.SetLastWriteTimeUtc(path, time);
                    steps.Add($"rollback: restored {path}");
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                steps.Add($"rollback: could not restore {path}: {exception.Message}");
                failed.Add(source);
            }
        }

        return failed;
    }
}
