using System.Runtime.InteropServices;
using System.Text;
using PostfixLint.Model;

namespace PostfixLint.Syntax;

/// <summary>
/// Opens the files a user's configuration names without ever blocking or reading without end: a named pipe, device,
/// socket or directory is refused before it is opened, and a file over <see cref="InputLimits.MaxFileBytes"/> is refused.
/// </summary>
/// <remarks>
/// Opening a FIFO for reading waits for a writer, and <c>/dev/zero</c> never ends, so the type is checked with
/// <c>statx()</c> first (Linux; elsewhere the check is skipped and only the size bound applies). Failures are
/// <see cref="InputFileException"/>s, which are <see cref="IOException"/>s worded as Postfix words them.
/// </remarks>
internal static class InputFile
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 1;
    private const int ModeOffset = 28;

    private static bool s_statxMissing;

    /// <summary>Reads <paramref name="path"/> whole, after the type and size checks.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        CheckType(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
        if (stream.CanSeek && stream.Length > InputLimits.MaxFileBytes)
        {
            throw TooLarge(path);
        }

        var buffer = new MemoryStream(stream.CanSeek ? (int)stream.Length : 1 << 16);
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > InputLimits.MaxFileBytes)
            {
                throw TooLarge(path);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    /// <summary>Reads <paramref name="path"/> as text in <paramref name="encoding"/>, after the type and size checks.</summary>
    public static string ReadAllText(string path, Encoding encoding) => encoding.GetString(ReadAllBytes(path));

    /// <summary>The lines of <paramref name="path"/> (split as <see cref="StringReader.ReadLine"/> does), after the checks.</summary>
    public static IEnumerable<string> ReadLines(string path, Encoding encoding)
    {
        using var reader = new StringReader(ReadAllText(path, encoding));
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>Refuses anything but a regular file (a symbolic link counts as what it points to).</summary>
    /// <exception cref="InputFileException">A directory, named pipe, device or socket.</exception>
    public static void CheckType(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (s_statxMissing || !OperatingSystem.IsLinux())
        {
            return;
        }

        var buffer = new byte[256];
        int result;
        try
        {
            var name = Encoding.UTF8.GetBytes(path + "\0");
            result = Statx(AtFdCwd, name, 0, StatxType, buffer);
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            s_statxMissing = true;
            return;
        }

        if (result != 0)
        {
            // Not there, no permission, ...: the open that follows reports it.
            return;
        }

        var kind = (BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000) switch
        {
            0x8000 => null,
            0x4000 => "Is a directory",
            0x1000 => "not a regular file (a named pipe: reading it would wait for a writer)",
            0x2000 => "not a regular file (a character device)",
            0x6000 => "not a regular file (a block device)",
            0xC000 => "not a regular file (a socket)",
            _ => "not a regular file",
        };
        if (kind is not null)
        {
            throw new InputFileException(kind);
        }
    }

    private static InputFileException TooLarge(string path) =>
        new($"file too large: over {InputLimits.MaxFileBytes >> 20} MiB (postfix-lint reads at most that much of {Path.GetFileName(path)})");

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, byte[] buffer);
}
