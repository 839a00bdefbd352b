using PostfixLint.Testing;

namespace PostfixLint.IntegrationTests.Catalog;

/// <summary>Runs the real postconf against a throw-away configuration directory.</summary>
internal sealed class PostconfRunner : IDisposable
{
    private PostconfRunner(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>A directory with the given main.cf and master.cf, back-dated so postconf does not pause.</summary>
    public static PostconfRunner Create(string mainCf = "", string masterCf = "")
    {
        var directory = ConfigFiles.CreateTemporaryDirectory("pfl-catalog-");
        var runner = new PostconfRunner(directory);
        runner.Write(mainCf, masterCf);
        return runner;
    }

    public void Write(string mainCf, string masterCf = "")
    {
        foreach (var (name, text) in new[] { ("main.cf", mainCf), ("master.cf", masterCf) })
        {
            ConfigFiles.Write(Path.Combine(Directory, name), System.Text.Encoding.UTF8.GetBytes(text));
        }
    }

    public static string PostconfPath => RealPostfix.Postconf;

    public async Task<PostconfResult> RunAsync(params string[] arguments)
    {
        var result = await RealPostfix.RunAsync(PostconfPath, ["-c", Directory, .. arguments], System.Text.Encoding.UTF8, TimeSpan.FromSeconds(30));
        return new PostconfResult(result.ExitCode, result.StandardOutput, result.StandardError, result.ProcessId);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
