using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Relay;

/// <summary>Reads the deciding restriction and the final reply out of a simulation result.</summary>
internal static class TraceReading
{
    /// <summary>The reply the client finally gets: RCPT TO's, else MAIL FROM's, else the connection's.</summary>
    public static string? FinalReply(SimulationResult result) => result.RcptReply ?? result.MailFromReply ?? result.ConnectReply;

    /// <summary>
    /// For an accepted recipient, the top-level permit of <c>smtpd_relay_restrictions</c> (else the last top-level
    /// permit); for a refusal, the restriction whose reply the client got; for an unknown answer, the restriction that
    /// could not be decided.
    /// </summary>
    public static TraceEntry? Deciding(SimulationResult result)
    {
        var trace = result.Trace;
        switch (result.Decision)
        {
            case Decision.Accept:
                return trace.LastOrDefault(t => t.Result == TraceResult.Permit && t.Depth == 0 && t.List == "smtpd_relay_restrictions")
                       ?? trace.LastOrDefault(t => t.Result == TraceResult.Permit && t.Depth == 0);
            case Decision.Reject or Decision.Defer:
                var reply = FinalReply(result);
                return trace.LastOrDefault(t => t.Reply is not null && t.Reply == reply && t.Depth == 0)
                       ?? trace.LastOrDefault(t => t.Reply is not null && t.Reply == reply)
                       ?? trace.LastOrDefault(t => t.Result is TraceResult.Reject or TraceResult.Defer);
            case Decision.Unknown:
                return trace.LastOrDefault(t => t.Result == TraceResult.Unknown);
            default:
                return null;
        }
    }

    /// <summary>The restriction as a short text: <c>permit_mynetworks in smtpd_relay_restrictions (main.cf:11)</c>.</summary>
    public static string Describe(TraceEntry? entry) =>
        entry is null ? "no restriction decided: the lists ended, which permits" : $"{entry.Restriction} in {entry.List} ({Short(entry.Source)})";

    /// <summary>Where the entry is written, with the file's name rather than its whole path: <c>main.cf:11</c>.</summary>
    public static string Short(TraceSource source)
    {
        var text = source.ToString();
        return source.Path is { Length: > 0 } path ? text.Replace(path, Path.GetFileName(path), StringComparison.Ordinal) : text;
    }
}
