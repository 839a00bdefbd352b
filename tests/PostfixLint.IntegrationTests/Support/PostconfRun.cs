using System.Collections.Immutable;

namespace PostfixLint.IntegrationTests.Support;

/// <summary>What one run of the real <c>postconf</c> printed.</summary>
/// <param name="Arguments">The arguments after the program name, including <c>-c DIR</c>.</param>
/// <param name="ExitCode">Exit status (1 after a fatal error).</param>
/// <param name="Lines">Standard output split into lines, without line endings.</param>
/// <param name="Warnings">Texts of <c>postconf: warning: </c> lines, prefix removed, in printed order (with repeats).</param>
/// <param name="Fatals">Texts of <c>postconf: fatal: </c> lines, prefix removed.</param>
/// <param name="OtherStderr">Standard error lines that are neither warnings nor fatal errors.</param>
/// <param name="Duration">Wall time of the run.</param>
/// <param name="ProcessId">The process id postconf ran as: it shows in <c>process_id</c> and in values that expand <c>$process_id</c>.</param>
internal sealed record PostconfRun(
    ImmutableArray<string> Arguments,
    int ExitCode,
    ImmutableArray<string> Lines,
    ImmutableArray<string> Warnings,
    ImmutableArray<string> Fatals,
    ImmutableArray<string> OtherStderr,
    TimeSpan Duration,
    int ProcessId = 0)
{
    /// <summary>The command line, for messages.</summary>
    public string CommandLine => "postconf " + string.Join(' ', Arguments);
}
