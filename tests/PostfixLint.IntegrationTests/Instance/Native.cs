using System.Runtime.InteropServices;

namespace PostfixLint.IntegrationTests.Instance;

/// <summary>The few libc calls .NET has no API for: ownership, signals and the effective uid.</summary>
internal static class Native
{
    /// <summary>SIGKILL.</summary>
    public const int SigKill = 9;

    /// <summary>SIGTERM.</summary>
    public const int SigTerm = 15;

    /// <summary>True when this process runs as root (Postfix's master must be started by root).</summary>
    public static bool IsRoot => geteuid() == 0;

    /// <summary>Changes the owner and group of <paramref name="path"/>; throws on failure.</summary>
    public static void Chown(string path, int uid, int gid)
    {
        if (chown(path, uid, gid) != 0)
        {
            throw new IOException($"chown {uid}:{gid} {path} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Sends <paramref name="signal"/> to a process (or, with a negative id, a process group); false when there is no such process.</summary>
    public static bool Kill(int pid, int signal) => kill(pid, signal) == 0;

    /// <summary>True while the process exists (signal 0 probes without sending anything).</summary>
    /// <remarks>A zombie counts as dead: a killed daemon re-parented to init stays a zombie until init reaps it.</remarks>
    public static bool IsAlive(int pid)
    {
        if (kill(pid, 0) != 0 && Marshal.GetLastPInvokeError() != 1)
        {
            return false;
        }

        // proc(5): the state follows the parenthesised command name in /proc/PID/stat.
        var stat = ReadSmallFile($"/proc/{pid}/stat");
        var close = stat?.LastIndexOf(')') ?? -1;
        return stat is null || close < 0 || close + 2 >= stat.Length || stat[close + 2] != 'Z';
    }

    /// <summary>Reads up to 4 KiB of a file with plain open/read, bypassing .NET's advisory locking; null when it cannot be opened.</summary>
    public static string? ReadSmallFile(string path)
    {
        var fd = open(path, 0);
        if (fd < 0)
        {
            return null;
        }

        try
        {
            var buffer = new byte[4096];
            var length = read(fd, buffer, buffer.Length);
            return length < 0 ? null : System.Text.Encoding.ASCII.GetString(buffer, 0, (int)length);
        }
        finally
        {
            _ = close(fd);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern nint read(int fd, byte[] buffer, nint count);

    [DllImport("libc")]
    private static extern int close(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int owner, int group);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [DllImport("libc")]
    private static extern uint geteuid();
}
