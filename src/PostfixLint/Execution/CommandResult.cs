using System.Collections.Immutable;

namespace PostfixLint.Execution;

/// <summary>One finished run of a Postfix program: what ran, its exit code and its output.</summary>
/// <param name="Program">The program's path.</param>
/// <param name="Arguments">The arguments, one per element (never a shell string).</param>
/// <param name="ExitCode">The exit code; -1 when it did not start or timed out.</param>
/// <param name="StandardOutput">What it wrote to standard output.</param>
/// <param name="StandardError">What it wrote to standard error, or why it did not run.</param>
/// <param name="TimedOut">True when it was killed at the timeout.</param>
public sealed record CommandResult(string Program, ImmutableArray<string> Arguments, int ExitCode, string StandardOutput, string StandardError, bool TimedOut = false)
{
    /// <summary>True when it ran to completion with exit code 0.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The command line, quoted for a POSIX shell (for reports; it is never run through one).</summary>
    public string CommandLine => string.Join(' ', new[] { Program }.Concat(Arguments).Select(Fixing.PostApplyAction.Quote));

    /// <inheritdoc />
    public override string ToString() =>
        TimedOut ? $"{CommandLine}: timed out"
        : Succeeded ? $"{CommandLine}: ok"
        : StandardError.Trim().Length > 0 ? $"{CommandLine}: exit {ExitCode}: {StandardError.Trim()}"

        // postfix(1) prints its reasons to stderr only on a terminal; otherwise they go to syslog or the maillog.
        : $"{CommandLine}: exit {ExitCode} (no message on stderr: postfix logs the reason to syslog or its maillog)";
}
