using System.Runtime.InteropServices;

namespace PostfixLint.Execution;

/// <summary>Flushes a directory's entries to disk (fsync(2) on the directory), which .NET has no API for.</summary>
internal static class DirectorySync
{
    // O_RDONLY: a directory opens read-only (O_DIRECTORY's value differs between architectures, so it is left out).
    private const int ReadOnly = 0;

    /// <summary>The number of directory flushes done by this process (for tests).</summary>
    public static int Count => s_count;

    private static int s_count;

    /// <summary>fsync(2)s <paramref name="directory"/> so a rename in it survives a crash; false when that is not possible (not Linux).</summary>
    /// <exception cref="IOException">The directory cannot be opened or flushed.</exception>
    public static bool Flush(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var descriptor = open(directory, ReadOnly);
        if (descriptor < 0)
        {
            throw new IOException($"open {directory}: errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            if (fsync(descriptor) != 0)
            {
                throw new IOException($"fsync {directory}: errno {Marshal.GetLastPInvokeError()}");
            }

            Interlocked.Increment(ref s_count);
            return true;
        }
        finally
        {
            _ = close(descriptor);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int descriptor);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int descriptor);
}
