using CliWrap;
using PostfixLint.Testing;

namespace PostfixLint.IntegrationTests.Show;

/// <summary>A finished child process: exit code and the raw bytes it wrote.</summary>
internal sealed record ProcessRun(int ExitCode, byte[] Out, byte[] Error)
{
    /// <summary>The real postconf of the Debian package, the oracle.</summary>
    public static string PostconfPath => RealPostfix.Postconf;

    /// <summary>The postfix-lint executable built next to the test assembly (the project reference copies it).</summary>
    public static string PostfixLintPath => Path.Combine(TestContext.CurrentContext.TestDirectory, "postfix-lint");

    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/>, no shell, 60 s at most.</summary>
    public static async Task<ProcessRun> OfAsync(string program, IEnumerable<string> arguments)
    {
        if (!File.Exists(program))
        {
            Assert.Fail($"{program} is missing: run scripts/test.sh, which installs Postfix and builds the tool.");
        }

        using var output = new MemoryStream();
        using var error = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await CliWrap.Cli.Wrap(program)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToStream(output))
            .WithStandardErrorPipe(PipeTarget.ToStream(error))
            .ExecuteAsync(timeout.Token);
        return new ProcessRun(result.ExitCode, output.ToArray(), error.ToArray());
    }
}
