namespace PostfixLint.Testing;

/// <summary>What one run of a real Postfix program printed.</summary>
/// <param name="ExitCode">Exit status (1 after a fatal error).</param>
/// <param name="StandardOutput">Standard output, decoded as the run asked (Latin-1 by default).</param>
/// <param name="StandardError">Standard error, decoded likewise.</param>
/// <param name="ProcessId">The process id the program ran as (postconf shows it in <c>process_id</c>).</param>
/// <param name="Duration">Wall time of the run.</param>
public sealed record PostfixProgramResult(int ExitCode, string StandardOutput, string StandardError, int ProcessId, TimeSpan Duration);
