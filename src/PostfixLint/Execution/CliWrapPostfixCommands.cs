using System.Collections.Immutable;
using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace PostfixLint.Execution;

/// <summary>Runs the Postfix programs with CliWrap: argument lists (never a shell), buffered output, a timeout per run.</summary>
public sealed class CliWrapPostfixCommands : IPostfixCommands
{
    private readonly PostfixPrograms _programs;

    /// <summary>Runs the programs <paramref name="programs"/> names (default: <see cref="PostfixPrograms.Default"/>).</summary>
    public CliWrapPostfixCommands(PostfixPrograms? programs = null) => _programs = programs ?? PostfixPrograms.Default;

    /// <inheritdoc />
    public Task<CommandResult> RebuildMapAsync(string command, string type, string path, string configDirectory, CancellationToken cancellationToken = default) =>
        RunAsync(string.Equals(command, "postalias", StringComparison.Ordinal) ? _programs.Postalias : _programs.Postmap, ["-c", configDirectory, type + ":" + path], cancellationToken);

    /// <inheritdoc />
    public Task<CommandResult> CheckAsync(string configDirectory, CancellationToken cancellationToken = default) =>
        RunAsync(_programs.Postfix, ["-c", configDirectory, "check"], cancellationToken);

    /// <inheritdoc />
    public Task<CommandResult> ReloadAsync(string configDirectory, CancellationToken cancellationToken = default) =>
        RunAsync(_programs.Postfix, ["-c", configDirectory, "reload"], cancellationToken);

    /// <inheritdoc />
    public Task<CommandResult> PostconfNonDefaultAsync(string configDirectory, CancellationToken cancellationToken = default) =>
        RunAsync(_programs.Postconf, ["-c", configDirectory, "-n"], cancellationToken);

    private async Task<CommandResult> RunAsync(string program, ImmutableArray<string> arguments, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_programs.Timeout);
        try
        {
            // Postfix programs read and write bytes; Latin-1 keeps every byte as one char, as the parser reads files.
            var result = await Cli.Wrap(program)
                .WithArguments(a => a.Add(arguments))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(Encoding.Latin1, timeout.Token)
                .ConfigureAwait(false);
            return new CommandResult(program, arguments, result.ExitCode, result.StandardOutput, result.StandardError);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CommandResult(program, arguments, -1, "", $"timed out after {_programs.Timeout.TotalSeconds:0} s", TimedOut: true);
        }
        catch (CliWrap.Exceptions.CliWrapException exception)
        {
            return new CommandResult(program, arguments, -1, "", exception.Message);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return new CommandResult(program, arguments, -1, "", $"cannot run {program}: {exception.Message}");
        }
    }
}
