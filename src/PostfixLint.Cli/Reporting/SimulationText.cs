using System.Text;
using PostfixLint.Simulation;

namespace PostfixLint.Cli.Reporting;

/// <summary>Renders a simulation result as readable text, like a compiler explaining itself.</summary>
internal static class SimulationText
{
    /// <summary>The deepest class nesting shown by indentation; deeper entries keep its indentation and name their depth.</summary>
    /// <remarks>One indent per level made a chain of d classes cost d² characters (37,380 classes: 2.8 GB of spaces).</remarks>
    internal const int MaxIndentedDepth = 32;

    /// <summary>The text rendering of <paramref name="result"/>, ending with a newline.</summary>
    public static string Format(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var probe = result.Probe;
        var text = new StringBuilder();
        var who = probe.ClientName is null ? $"unknown[{probe.Client}]" : $"{probe.ClientName}[{probe.Client}]";
        text.Append($"probe{(probe.Id is null ? "" : " " + probe.Id)}: {who}");
        if (probe.SaslLogin is not null)
        {
            text.Append($" as {probe.SaslLogin}");
        }

        text.Append($" on {probe.Service}: MAIL FROM:<{probe.Sender}> RCPT TO:<{probe.Recipient}>\n");
        text.Append($"  decision: {ProbeJson.Name(result.Decision)} at {ProbeJson.Name(result.Stage)}\n");
        if (result.ConnectReply is not null)
        {
            text.Append($"  connect:   {result.ConnectReply}\n");
        }

        if (result.HeloReply is not null)
        {
            text.Append($"  HELO:      {result.HeloReply}\n");
        }

        if (result.AuthReply is not null)
        {
            text.Append($"  AUTH:      {result.AuthReply}\n");
        }

        if (result.MailFromReply is not null)
        {
            text.Append($"  MAIL FROM: {result.MailFromReply}\n");
        }

        if (result.RcptReply is not null)
        {
            text.Append($"  RCPT TO:   {result.RcptReply}\n");
        }

        if (result.Error is not null)
        {
            text.Append($"  error: smtpd: fatal: {result.Error}\n");
        }

        if (result.Reachability is not null)
        {
            text.Append($"  unreachable: {result.Reachability}\n");
        }

        if (result.UnknownReason is not null)
        {
            text.Append($"  unknown: {result.UnknownReason}\n");
        }

        if (!result.Trace.IsEmpty)
        {
            text.Append("  trace:\n");
            foreach (var entry in result.Trace)
            {
                var indent = new string(' ', 4 + (2 * Math.Min(entry.Depth, MaxIndentedDepth)));
                var depth = entry.Depth > MaxIndentedDepth ? $"(depth {entry.Depth}) " : "";
                text.Append($"{indent}{depth}{entry.List}: {entry.Restriction} -> {TraceText.Name(entry.Result)}   [{TraceText.Origin(entry.Source)}]\n");
                foreach (var note in entry.Notes)
                {
                    text.Append($"{indent}  = {note}\n");
                }

                if (entry.Reply is not null)
                {
                    text.Append($"{indent}  reply: {entry.Reply}\n");
                }
            }
        }

        foreach (var note in result.Notes)
        {
            text.Append($"  note: {note}\n");
        }

        foreach (var warning in result.Warnings)
        {
            text.Append($"  smtpd would log: warning: {warning}\n");
        }

        return text.ToString();
    }
}
