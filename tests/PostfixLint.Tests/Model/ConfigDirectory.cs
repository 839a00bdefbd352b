using System.Text;

namespace PostfixLint.Tests.Model;

/// <summary>A throw-away configuration directory with a main.cf and a master.cf, deleted on dispose.</summary>
internal sealed class ConfigDirectory : IDisposable
{
    private ConfigDirectory(string path) => Path = path;

    public string Path { get; }

    public static ConfigDirectory Create(string mainCf, string masterCf = "")
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pfl-model-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        File.WriteAllText(System.IO.Path.Combine(path, "main.cf"), mainCf, Encoding.Latin1);
        File.WriteAllText(System.IO.Path.Combine(path, "master.cf"), masterCf, Encoding.Latin1);
        return new ConfigDirectory(path);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
