using System.Diagnostics;
using System.Text;
using CliWrap;
using CliWrap.Buffered;
using NUnit.Framework;

namespace PostfixLint.Testing;

/// <summary>
/// The real Postfix programs (Debian's package) that the differential tests and benchmarks use as the oracle: where
/// they are, which version they are, and one way to run them.
/// </summary>
public static class RealPostfix
{
    /// <summary>The Postfix version the recorded expectations (catalogue, fixtures, simulation goldens) come from.</summary>
    public const string RecordedVersion = "3.7.11";

    private static readonly string[] SearchDirectories = ["/usr/sbin", "/usr/local/sbin", "/sbin"];

    private static readonly Lazy<string?> LazyInstalledVersion = new(ReadInstalledVersion);

    private static int _versionReported;

    /// <summary>Path of <c>postconf</c>; fails the test (never skips) when Postfix is not installed.</summary>
    public static string Postconf => Locate("postconf");

    /// <summary>Path of <c>postmap</c>; fails the test when Postfix is not installed.</summary>
    public static string Postmap => Locate("postmap");

    /// <summary>Path of <c>postfix</c>; fails the test when Postfix is not installed.</summary>
    public static string Postfix => Locate("postfix");

    /// <summary>Debian's stock master.cf, used by the <c>-d</c> tests; fails the test when it is missing.</summary>
    public static string DefaultMasterCf
    {
        get
        {
            const string path = "/etc/postfix/master.cf";
            if (!File.Exists(path))
            {
                Assert.Fail($"{path} is missing. Run scripts/test.sh, which installs Debian's postfix package ({RecordedVersion}).");
            }

            return path;
        }
    }

    /// <summary>The installed Postfix's <c>mail_version</c>, or null when postconf is missing or does not answer.</summary>
    public static string? InstalledVersion => LazyInstalledVersion.Value;

    /// <summary>Finds <paramref name="program"/> in the sbin folders or on PATH, or null.</summary>
    public static string? Find(string program)
    {
        var pathDirectories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        return SearchDirectories.Concat(pathDirectories)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Path of <paramref name="program"/>; fails the test when it is missing, and checks the version once.</summary>
    public static string Locate(string program)
    {
        var path = Find(program);
        if (path is null)
        {
            // Differential tests prove the library against real Postfix; without it they prove nothing, so fail loudly.
            Assert.Fail(
                $"Real Postfix is not installed: '{program}' was not found in {string.Join(", ", SearchDirectories)} or PATH. "
                + $"Run scripts/test.sh, which installs Debian's postfix package ({RecordedVersion}).");
        }

        CheckVersion();
        return path!;
    }

    /// <summary>
    /// Says once, loudly, when the installed Postfix differs from <see cref="RecordedVersion"/>; under CI
    /// (<c>CI=true</c>) every caller fails instead, since the expectations would be compared with another oracle.
    /// </summary>
    public static void CheckVersion()
    {
        var installed = InstalledVersion;
        if (installed == RecordedVersion)
        {
            return;
        }

        var message = $"!!! POSTFIX VERSION MISMATCH: the expectations were recorded with Postfix {RecordedVersion}, "
                      + $"but the installed postconf says mail_version = {installed ?? "(no answer)"}. "
                      + "Differences found by these tests may be Postfix's, not ours. !!!";
        if (Interlocked.Exchange(ref _versionReported, 1) == 0)
        {
            TestContext.Progress.WriteLine(message);
            Console.Error.WriteLine(message);
        }

        if (ContinuousIntegration.IsEnabled)
        {
            Assert.Fail(message + " (CI=true: a version mismatch fails the run)");
        }
    }

    /// <summary>
    /// Runs a Postfix program with <paramref name="arguments"/> (never through a shell); a non-zero exit is returned, not
    /// thrown. Output is decoded as Latin-1 unless told otherwise: Postfix treats text as bytes, and Latin-1 keeps each byte.
    /// </summary>
    public static async Task<PostfixProgramResult> RunAsync(
        string program, IEnumerable<string> arguments, Encoding? encoding = null, TimeSpan? timeout = null)
    {
        encoding ??= Encoding.Latin1;
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        var stopwatch = Stopwatch.StartNew();
        var task = Cli.Wrap(program)
            .WithArguments(a => a.Add(arguments))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(encoding, encoding, cancellation.Token);
        var processId = task.ProcessId;
        var result = await task;
        return new PostfixProgramResult(result.ExitCode, result.StandardOutput, result.StandardError, processId, stopwatch.Elapsed);
    }

    private static string? ReadInstalledVersion()
    {
        var postconf = Find("postconf");
        if (postconf is null)
        {
            return null;
        }

        // -d: the compiled-in value, so no main.cf is needed (postconf -h alone is fatal without /etc/postfix/main.cf).
        var result = RunAsync(postconf, ["-d", "-h", "mail_version"], timeout: TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }
}
