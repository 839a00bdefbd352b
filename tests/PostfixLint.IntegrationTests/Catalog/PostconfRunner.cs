using CliWrap;
using CliWrap.Buffered;

namespace PostfixLint.IntegrationTests.Catalog;

/// <summary>Runs the real postconf against a throw-away configuration directory.</summary>
internal sealed class PostconfRunner : IDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);

    private PostconfRunner(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>A directory with the given main.cf and master.cf, back-dated so postconf does not pause.</summary>
    public static PostconfRunner Create(string mainCf = "", string masterCf = "")
    {
        var directory = Path.Combine(Path.GetTempPath(), "pfl-catalog-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var runner = new PostconfRunner(directory);
        runner.Write(mainCf, masterCf);
        return runner;
    }

    public void Write(string mainCf, string masterCf = "")
    {
        var past = DateTime.UtcNow.AddMinutes(-1);
        foreach (var (name, text) in new[] { ("main.cf", mainCf), ("master.cf", masterCf) })
        {
            var path = Path.Combine(Directory, name);
            File.WriteAllText(path, text);
            File.SetLastWriteTimeUtc(path, past);
        }
    }

    public static string PostconfPath
    {
        get
        {
            foreach (var candidate in new[] { "/usr/sbin/postconf", "/usr/local/sbin/postconf", "/sbin/postconf" })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            Assert.Fail("postconf (Postfix 3.7.11) is not installed: these tests compare the catalogue with the real postconf; install Debian 12's postfix package.");
            return string.Empty;
        }
    }

    public async Task<PostconfResult> RunAsync(params string[] arguments)
    {
        using var cancellation = new CancellationTokenSource(_timeout);
        var task = CliWrap.Cli.Wrap(PostconfPath)
            .WithArguments(a => a.Add("-c").Add(Directory).Add(arguments))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellation.Token);
        var processId = task.ProcessId;
        var result = await task;
        return new PostconfResult(result.ExitCode, result.StandardOutput, result.StandardError, processId);
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
