using PostfixLint.Cli;

namespace PostfixLint.Tests.Cli;

/// <summary>One in-process run of <c>postfix-lint</c>: exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs <c>postfix-lint</c> with <paramref name="args"/> and <paramref name="stdin"/> in this process.</summary>
    public static CliRun Of(string[] args, string stdin = "")
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        using var input = new StringReader(stdin);
        var exitCode = Program.Run(args, new CliStreams(output, error, input));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
