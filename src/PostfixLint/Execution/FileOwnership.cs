using System.Runtime.InteropServices;

namespace PostfixLint.Execution;

/// <summary>A file's owner and group, which .NET has no API for: read with statx(2) (one layout on every architecture), set with chown(2).</summary>
internal static class FileOwnership
{
    private const int AtFdCwd = -100;
    private const uint StatxUid = 0x0008;
    private const uint StatxGid = 0x0010;

    /// <summary>The owner and group of <paramref name="path"/>; null when they cannot be read (not Linux, or no such file).</summary>
    public static (uint Uid, uint Gid)? Get(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // struct statx (linux/stat.h): stx_uid at offset 20, stx_gid at 24; the whole struct is 256 bytes.
        var buffer = new byte[256];
        if (statx(AtFdCwd, path, 0, StatxUid | StatxGid, buffer) != 0)
        {
            return null;
        }

        return (BitConverter.ToUInt32(buffer, 20), BitConverter.ToUInt32(buffer, 24));
    }

    /// <summary>Gives <paramref name="path"/> the owner and group <paramref name="owner"/>; throws when that is not allowed.</summary>
    public static void Set(string path, (uint Uid, uint Gid) owner)
    {
        if (chown(path, owner.Uid, owner.Gid) != 0)
        {
            throw new IOException($"chown {owner.Uid}:{owner.Gid} {path}: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern int chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);
}
