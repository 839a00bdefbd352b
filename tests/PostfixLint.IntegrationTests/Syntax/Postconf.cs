using System.Text;
using CliWrap;
using CliWrap.Buffered;
using PostfixLint.Syntax;

namespace PostfixLint.IntegrationTests.Syntax;

/// <summary>Runs the real postconf against throw-away configuration directories.</summary>
public static class Postconf
{
    /// <summary>Where Debian installs postconf.</summary>
    public const string Executable = "/usr/sbin/postconf";

    /// <summary>Fails the test when postconf is missing: differential tests must never pass silently.</summary>
    public static void Require()
    {
        if (!File.Exists(Executable))
        {
            Assert.Fail($"postconf not found at {Executable}: install Postfix 3.7 (Debian package 'postfix') to run the differential tests.");
        }
    }

    /// <summary>Creates a temporary config directory with <paramref name="mainCf"/> and optionally <paramref name="masterCf"/>, back-dated so postconf does not pause.</summary>
    public static string CreateConfigDirectory(string mainCf, string? masterCf = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "postfixlint-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        Write(Path.Combine(dir, "main.cf"), mainCf);
        if (masterCf is not null)
        {
            Write(Path.Combine(dir, "master.cf"), masterCf);
        }

        return dir;
    }

    /// <summary>Runs postconf with <paramref name="arguments"/>; output is decoded as Latin-1, one char per byte.</summary>
    public static async Task<BufferedCommandResult> RunAsync(params string[] arguments)
    {
        Require();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await CliWrap.Cli.Wrap(Executable)
            .WithArguments(a => a.Add(arguments))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.Latin1, timeout.Token);
    }

    private static void Write(string path, string text)
    {
        SourceFile.Write(path, text);

        // Every Postfix command pauses ~2 s on a main.cf written in the last ~2 s.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));
    }
}
