using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CliWrap;
using PostfixLint.Testing;

namespace PostfixLint.Benchmarks;

/// <summary>
/// Whole processes, same run: <c>postconf -c DIR -n</c> (baseline) against the installed AOT
/// <c>postfix-lint show -c DIR -n</c>, so the Ratio column compares them.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 30)]
public class ShowProcessBenchmarks
{
    private static readonly string PostconfPath = RealPostfix.Find("postconf") ?? "/usr/sbin/postconf";

    private string _configDirectory = "";

    /// <summary>The configuration shown: the Debian 12 default, or 300 real parameters.</summary>
    [Params("debian-default", "main-300")]
    public string Config { get; set; } = "debian-default";

    /// <summary>Copies the configuration into a back-dated temporary directory.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var testdata = Path.Combine(BenchmarkPaths.RepositoryRoot, "testdata");
        var debian = Path.Combine(testdata, "examples", "debian-default");
        var mainCf = Config == "main-300"
            ? Path.Combine(testdata, "bench", "main-300.cf")
            : Path.Combine(debian, "main.cf");
        if (RealPostfix.InstalledVersion is { } version && version != RealPostfix.RecordedVersion)
        {
            Console.Error.WriteLine($"!!! POSTFIX VERSION MISMATCH: the ratios were recorded against Postfix {RealPostfix.RecordedVersion}, this postconf is {version} !!!");
        }

        _configDirectory = BenchmarkPaths.ConfigDirectory(mainCf, Path.Combine(debian, "master.cf"));
        foreach (var program in new[] { PostconfPath, BenchmarkPaths.PostfixLint })
        {
            if (!File.Exists(program))
            {
                throw new InvalidOperationException($"{program} is missing: run scripts/bench-show.sh, which installs both");
            }
        }
    }

    /// <summary>Removes the temporary config directory.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_configDirectory, recursive: true);

    /// <summary>Postfix's own postconf, the reference.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> Postconf() => RunAsync(PostconfPath, ["-c", _configDirectory, "-n"]);

    /// <summary>The Native AOT postfix-lint.</summary>
    [Benchmark]
    public Task<int> PostfixLintShow() => RunAsync(BenchmarkPaths.PostfixLint, ["show", "-c", _configDirectory, "-n"]);

    private static async Task<int> RunAsync(string program, string[] arguments)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await CliWrap.Cli.Wrap(program)
            .WithArguments(arguments)
            .WithStandardOutputPipe(PipeTarget.Null)
            .WithStandardErrorPipe(PipeTarget.Null)
            .ExecuteAsync(timeout.Token);
        return result.ExitCode;
    }
}
