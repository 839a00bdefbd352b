using System.Globalization;
using System.Text;
using PostfixLint.Analysis.Explain;
using PostfixLint.Simulation;

namespace PostfixLint.Cli.Reporting;

/// <summary>Renders explained log rejects as readable text.</summary>
internal static class ExplanationText
{
    /// <summary>One explained reject: probe, logged and simulated replies, cause, rules, trace.</summary>
    public static string Format(LogExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var reject = explanation.Reject;
        var probe = explanation.Result.Probe;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{(reject.Warning ? "reject_warning" : "reject")} {reject.Command.ToString().ToUpperInvariant()} from {probe.ClientName ?? "unknown"}[{probe.Client}] on {explanation.Service}\n");
        text.Append(CultureInfo.InvariantCulture, $"  probe:     {(probe.Helo is null ? "no HELO" : "HELO " + probe.Helo)}, MAIL FROM:<{probe.Sender}>, RCPT TO:<{probe.Recipient}>\n");
        text.Append(CultureInfo.InvariantCulture, $"  logged:    {reject.Reply}\n");
        text.Append(CultureInfo.InvariantCulture, $"  simulated: {explanation.SimulatedReply ?? "(no reply)"}\n");
        text.Append(explanation.Reproduced ? "  reproduced exactly\n" : $"  not reproduced: {explanation.Difference}\n");
        text.Append(CultureInfo.InvariantCulture, $"  cause: {explanation.Cause}\n");
        if (explanation.Location is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"  change: {explanation.Location}\n");
        }

        foreach (var rule in explanation.Rules)
        {
            text.Append(CultureInfo.InvariantCulture, $"  check: {rule} (postfix-lint rule {rule.Split(' ')[0]})\n");
        }

        foreach (var warning in explanation.LoggedWarnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"  logged before: warning: {warning}\n");
        }

        if (!explanation.Result.Trace.IsEmpty)
        {
            text.Append("  trace:\n");
            foreach (var entry in explanation.Result.Trace)
            {
                var indent = new string(' ', 4 + (2 * entry.Depth));
                // A DNS or policy answer explain had to assume is marked as such: the simulator did not know it.
                var assumed = entry.Notes.Any(n => n.StartsWith(RelaySimulator.ExternalAssumedNote, StringComparison.Ordinal)) ? " (assumed: needs DNS or a policy service)" : "";
                text.Append(CultureInfo.InvariantCulture, $"{indent}{entry.List}: {entry.Restriction} -> {TraceText.Name(entry.Result)}{assumed}   [{TraceText.Origin(entry.Source)}]\n");
            }
        }

        return text.ToString();
    }

    /// <summary>The summary of a whole log: groups, most frequent first, then the counts and the throughput.</summary>
    public static string FormatSummary(LogSummary summary, double seconds)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        foreach (var group in summary.Groups())
        {
            var reproduced = group.Reproduced == group.Count ? "" : $"   [{group.Count - group.Reproduced} not reproduced: {group.Example.Difference}]";
            text.Append(CultureInfo.InvariantCulture, $"{group.Count} × {group.Client} → {group.Cause}{(group.Location is null ? "" : $" ({group.Location})")}{reproduced}\n");
            foreach (var rule in group.Example.Rules)
            {
                text.Append(CultureInfo.InvariantCulture, $"    check: {rule}\n");
            }
        }

        if (summary.Overflow > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{summary.Overflow} × more rejects in groups beyond the first {LogSummary.GroupLimit}\n");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"{summary.Lines} lines in {seconds:0.###} s ({Rate(summary.Lines, seconds)} lines/s): {summary.Rejects} rejects, {summary.Reproduced} reproduced exactly, {summary.Skipped} lines skipped\n");
        return text.ToString();
    }

    /// <summary>Lines per second, rounded.</summary>
    public static long Rate(long lines, double seconds) => seconds > 0 ? (long)Math.Round(lines / seconds) : lines;
}
