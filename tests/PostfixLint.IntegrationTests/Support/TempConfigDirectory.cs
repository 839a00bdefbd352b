using System.Text;

namespace PostfixLint.IntegrationTests.Support;

/// <summary>A throw-away Postfix configuration directory holding main.cf and master.cf; deleted on dispose.</summary>
internal sealed class TempConfigDirectory : IDisposable
{
    private TempConfigDirectory(string path) => Path = path;

    /// <summary>Absolute path of the directory (what <c>postconf -c</c> gets).</summary>
    public string Path { get; }

    /// <summary>Absolute path of main.cf inside the directory.</summary>
    public string MainCfPath => System.IO.Path.Combine(Path, "main.cf");

    /// <summary>Absolute path of master.cf inside the directory.</summary>
    public string MasterCfPath => System.IO.Path.Combine(Path, "master.cf");

    /// <summary>The bytes written as main.cf.</summary>
    public byte[] MainCf { get; private set; } = [];

    /// <summary>The bytes written as master.cf.</summary>
    public byte[] MasterCf { get; private set; } = [];

    /// <summary>Creates a directory with main.cf and master.cf given as text; each char is written as one byte (Latin-1).</summary>
    public static TempConfigDirectory Create(string mainCf, string masterCf = "") =>
        Create(Encoding.Latin1.GetBytes(mainCf), Encoding.Latin1.GetBytes(masterCf));

    /// <summary>Creates a directory with main.cf and master.cf given as raw bytes.</summary>
    public static TempConfigDirectory Create(byte[] mainCf, byte[] masterCf)
    {
        // Resolve symlinks (e.g. /tmp on macOS) so the path postconf prints equals the path we pass.
        var root = new DirectoryInfo(System.IO.Path.GetTempPath()).ResolveLinkTarget(returnFinalTarget: true)?.FullName
            ?? System.IO.Path.GetFullPath(System.IO.Path.GetTempPath());
        var path = System.IO.Path.Combine(root, "pfl-it-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        var directory = new TempConfigDirectory(path);
        directory.Write(mainCf, masterCf);
        return directory;
    }

    /// <summary>Replaces main.cf and master.cf.</summary>
    public void Write(byte[] mainCf, byte[] masterCf)
    {
        MainCf = mainCf;
        MasterCf = masterCf;
        File.WriteAllBytes(MainCfPath, mainCf);
        File.WriteAllBytes(MasterCfPath, masterCf);

        // Every Postfix command pauses ~2 s when main.cf was modified within the last ~2 s (it waits for
        // a writer to finish); back-dating the files by a minute keeps each postconf run at ~15 ms.
        var past = DateTime.UtcNow.AddMinutes(-1);
        File.SetLastWriteTimeUtc(MainCfPath, past);
        File.SetLastWriteTimeUtc(MasterCfPath, past);
        Directory.SetLastWriteTimeUtc(Path, past);
    }

    /// <summary>Deletes the directory and everything in it.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory must not turn a passing test into a failure.
        }
    }
}
