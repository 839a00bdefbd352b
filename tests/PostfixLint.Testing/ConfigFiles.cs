using System.Text;

namespace PostfixLint.Testing;

/// <summary>Throw-away Postfix configuration directories, written so that Postfix commands do not pause on them.</summary>
public static class ConfigFiles
{
    /// <summary>
    /// Sets the file's (or folder's) modification time a minute into the past. Every Postfix command pauses about
    /// two seconds on a main.cf modified within the last seconds (it waits for a writer to finish); back-dated, a
    /// postconf run takes ~15 ms.
    /// </summary>
    public static void BackDate(string path)
    {
        var past = DateTime.UtcNow.AddMinutes(-1);
        if (Directory.Exists(path))
        {
            Directory.SetLastWriteTimeUtc(path, past);
        }
        else
        {
            File.SetLastWriteTimeUtc(path, past);
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> and back-dates it.</summary>
    public static void Write(string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        BackDate(path);
    }

    /// <summary>Writes <paramref name="text"/> as Latin-1 (one byte a char, as Postfix reads it) and back-dates it.</summary>
    public static void Write(string path, string text) => Write(path, Encoding.Latin1.GetBytes(text));

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> and back-dates the copy.</summary>
    public static void Copy(string source, string target)
    {
        File.Copy(source, target, overwrite: true);
        BackDate(target);
    }

    /// <summary>
    /// A new folder under the temporary folder (symbolic links resolved, so the path Postfix prints equals the path
    /// passed) named <paramref name="prefix"/> plus a random suffix.
    /// </summary>
    public static string CreateTemporaryDirectory(string prefix)
    {
        var temp = new DirectoryInfo(Path.GetTempPath()).ResolveLinkTarget(returnFinalTarget: true)?.FullName
                   ?? Path.GetFullPath(Path.GetTempPath());
        var path = Path.Combine(temp, prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }
}
