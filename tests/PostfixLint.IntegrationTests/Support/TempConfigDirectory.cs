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
        var directory = new TempConfigDirectory(ConfigFiles.CreateTemporaryDirectory("pfl-it-"));
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
        ConfigFiles.BackDate(MainCfPath);
        ConfigFiles.BackDate(MasterCfPath);
        ConfigFiles.BackDate(Path);
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
