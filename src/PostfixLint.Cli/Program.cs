using System.CommandLine;
using System.CommandLine.Invocation;
using System.Text;
using PostfixLint.Cli.Commands;

namespace PostfixLint.Cli;

/// <summary>The <c>postfix-lint</c> entry point: wires the verbs to the process's streams.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // The library reads files as Latin-1, which maps every byte to one char and back, so writing
        // Latin-1 reproduces the original bytes whatever their real encoding (postconf copies bytes too).
        using var output = new StreamWriter(Console.OpenStandardOutput(), Encoding.Latin1, 1 << 16) { NewLine = "\n" };
        using var error = new StreamWriter(Console.OpenStandardError(), Encoding.Latin1) { NewLine = "\n", AutoFlush = true };
        using var input = new StreamReader(Console.OpenStandardInput(), Encoding.Latin1, detectEncodingFromByteOrderMarks: false);
        return Run(args, new CliStreams(output, error, input));
    }

    /// <summary>Parses <paramref name="args"/>, runs the verb and returns the exit code (see <see cref="ExitCode"/>).</summary>
    internal static int Run(IReadOnlyList<string> args, CliStreams streams)
    {
        // A plain Command named here, not RootCommand: RootCommand takes its name from the executable,
        // which is "testhost" under the test runner.
        var root = new Command("postfix-lint", "Reads Postfix configuration exactly as Postfix 3.7 does and finds relay misconfiguration before deploy.")
        {
            RootOptions.Help(),
            RootOptions.Version(),
        };
        root.Subcommands.Add(CheckCommand.Create(streams));
        root.Subcommands.Add(ShowCommand.Create(streams));
        root.Subcommands.Add(SimulateCommand.Create(streams));
        root.Subcommands.Add(ExplainCommand.Create(streams));
        root.Subcommands.Add(FixCommand.Create(streams));
        root.Subcommands.Add(RelayMatrixCommand.Create(streams));
        root.Subcommands.Add(DiffCommand.Create(streams));
        root.Subcommands.Add(RuleCommand.CreateRule(streams));
        root.Subcommands.Add(RuleCommand.CreateRules(streams));

        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var parseError in parseResult.Errors)
            {
                streams.Error.WriteLine($"postfix-lint: fatal: {parseError.Message}");
            }

            var verb = parseResult.CommandResult.Command == root ? "" : parseResult.CommandResult.Command.Name + " ";
            streams.Error.WriteLine($"Try 'postfix-lint {verb}--help' for more information.");
            streams.Out.Flush();
            return ExitCode.UsageError;
        }

        try
        {
            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = streams.Out,
                Error = streams.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception exception)
        {
            streams.Out.Flush();
            // The type and the first frame only: the AOT build's exception messages are resource keys, not text.
            var frame = exception.StackTrace?.Split('\n', 2)[0].Trim() ?? "";
            streams.Error.WriteLine($"postfix-lint: fatal: internal error: {exception.GetType().Name} {frame} (a bug in postfix-lint: please report it with the input)");
            return ExitCode.InternalError;
        }
        finally
        {
            streams.Out.Flush();
        }
    }
}
