using PostfixLint.Fixing;
using PostfixLint.Syntax;

namespace PostfixLint.Execution;

/// <summary>
/// Writes a file the way an admin's editor should: into a temporary file in the same directory, flushed to disk, with
/// the original's owner and mode, then renamed over the original (one atomic step); never over a file that changed since it was read.
/// </summary>
internal static class AtomicFileWriter
{
    /// <summary>The suffix of the first backup <see cref="Write"/> keeps next to the file (<c>main.cf.postfix-lint.bak</c>).</summary>
    public const string BackupSuffix = ".postfix-lint.bak";

    /// <summary>
    /// The backup names of <paramref name="path"/>, in the order <see cref="Write"/> tries them: <c>FILE.postfix-lint.bak</c>,
    /// then <c>FILE.postfix-lint.1.bak</c>, <c>FILE.postfix-lint.2.bak</c>, ...: a later run never overwrites an earlier
    /// run's backup, so the highest number is the latest and <c>.postfix-lint.bak</c> the oldest.
    /// </summary>
    public static IEnumerable<string> BackupNames(string path)
    {
        yield return path + BackupSuffix;
        for (var n = 1; ; n++)
        {
            yield return $"{path}.postfix-lint.{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}.bak";
        }
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/>, keeping a backup of the old bytes next to it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="text">The new text (Latin-1: one char per byte).</param>
    /// <param name="expectedHash">The SHA-256 of the bytes the text was made from (<see cref="FileChange.OriginalHash"/>); null writes whatever is there.</param>
    /// <returns>The backup's path.</returns>
    /// <exception cref="FileChangedException">The file's bytes are no longer those the text was made from.</exception>
    public static string Write(string path, string text, string? expectedHash)
    {
        var current = File.ReadAllBytes(path);
        if (expectedHash is not null && !string.Equals(FileChange.Hash(System.Text.Encoding.Latin1.GetString(current)), expectedHash, StringComparison.Ordinal))
        {
            throw new FileChangedException(path);
        }

        var backup = WriteBackup(path, current);
        WriteReplacing(path, path, SourceFile.Encode(text), expectedHash is null ? null : current);
        return backup;
    }

    /// <summary>Writes <paramref name="bytes"/> as the first free backup name of <paramref name="path"/> (<see cref="BackupNames"/>); an existing backup is never replaced.</summary>
    /// <returns>The backup's path.</returns>
    public static string WriteBackup(string path, byte[] bytes)
    {
        foreach (var backup in BackupNames(path))
        {
            if (File.Exists(backup))
            {
                continue;
            }

            try
            {
                WriteReplacing(path, backup, bytes, overwrite: false);
                return backup;
            }
            catch (IOException) when (File.Exists(backup))
            {
                // Another run took this name between the look and the rename: try the next one.
            }
        }

        throw new InvalidOperationException("unreachable: the backup names never end");
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="target"/> atomically, with the owner and mode of <paramref name="like"/>.</summary>
    /// <param name="like">The file whose owner and mode the result gets.</param>
    /// <param name="target">The file to replace (or create).</param>
    /// <param name="bytes">The content.</param>
    /// <param name="unchanged">When given, the rename happens only if <paramref name="target"/> still holds these bytes.</param>
    /// <param name="overwrite">False: fail (<see cref="IOException"/>) rather than replace an existing <paramref name="target"/>.</param>
    /// <remarks>
    /// After the rename the directory itself is flushed (fsync(2) on it): the rename is a change of the directory, and
    /// without it a crash can bring back the old name's contents although the new file's data reached the disk.
    /// </remarks>
    public static void WriteReplacing(string like, string target, byte[] bytes, byte[]? unchanged = null, bool overwrite = true)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(target))!;
        var temporary = Path.Combine(directory, "." + Path.GetFileName(target) + ".postfix-lint-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var mode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(like);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                // Create with the final mode at once: a password table is never readable by others, not even for a moment.
                options.UnixCreateMode = mode;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, mode);
            }

            if (FileOwnership.Get(like) is { } owner && FileOwnership.Get(temporary) != owner)
            {
                FileOwnership.Set(temporary, owner);
            }

            // The last look before the rename: an editor that saved in between wins, and we say so.
            if (unchanged is not null && !File.ReadAllBytes(target).AsSpan().SequenceEqual(unchanged))
            {
                throw new FileChangedException(target);
            }

            File.Move(temporary, target, overwrite);
            DirectorySync.Flush(directory);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
