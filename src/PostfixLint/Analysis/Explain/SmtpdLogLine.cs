namespace PostfixLint.Analysis.Explain;

/// <summary>One smtpd log line, split into what an explanation needs: who logged it and, for a reject, the session it describes.</summary>
/// <param name="Timestamp">The timestamp as written (classic syslog, RFC 3339 or journald short-iso).</param>
/// <param name="SyslogName">The syslog tag without the program: <c>postfix</c>, <c>postfix/submission</c>.</param>
/// <param name="Program">The program: <c>smtpd</c>.</param>
/// <param name="Pid">The process id, or empty when the form has none.</param>
/// <param name="Message">The message after <c>tag[pid]: </c>.</param>
internal sealed record SmtpdLogLine(string Timestamp, string SyslogName, string Program, string Pid, string Message)
{
    /// <summary>True for a <c>warning:</c> line.</summary>
    public bool IsWarning => Message.StartsWith("warning: ", StringComparison.Ordinal);

    /// <summary>The reject part, when the line is a <c>reject:</c> or <c>reject_warning:</c> line.</summary>
    public LoggedReject? Reject { get; init; }
}
