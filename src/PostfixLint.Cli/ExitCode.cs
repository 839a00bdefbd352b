namespace PostfixLint.Cli;

/// <summary>The exit codes every verb uses.</summary>
internal static class ExitCode
{
    /// <summary>Success, and nothing to report.</summary>
    public const int Success = 0;

    /// <summary>The verb ran and found problems.</summary>
    public const int Findings = 1;

    /// <summary>Bad command line, or input that cannot be read at all.</summary>
    public const int UsageError = 2;

    /// <summary>A bug in postfix-lint (sysexits.h <c>EX_SOFTWARE</c>).</summary>
    public const int InternalError = 70;
}
