using System.Text;
using System.Text.Json;
using PostfixLint.Analysis.Explain;

namespace PostfixLint.Cli.Reporting;

/// <summary>Writes explained log rejects as JSON, without reflection (Native AOT safe).</summary>
internal static class ExplanationJson
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One explained reject as one JSON object; <c>simulation</c> is the <c>simulate --format json</c> result.</summary>
    public static string Format(LogExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return Write(writer => WriteExplanation(writer, explanation));
    }

    /// <summary>The summary of a whole log as one JSON object.</summary>
    public static string FormatSummary(LogSummary summary, double seconds)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("groups");
            foreach (var group in summary.Groups())
            {
                writer.WriteStartObject();
                writer.WriteNumber("count", group.Count);
                writer.WriteNumber("reproduced", group.Reproduced);
                writer.WriteString("client", group.Client);
                writer.WriteString("cause", group.Cause);
                Nullable(writer, "location", group.Location);
                writer.WritePropertyName("example");
                WriteExplanation(writer, group.Example);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("lines", summary.Lines);
            writer.WriteNumber("rejects", summary.Rejects);
            writer.WriteNumber("reproduced", summary.Reproduced);
            writer.WriteNumber("skipped", summary.Skipped);
            writer.WriteNumber("overflow", summary.Overflow);
            writer.WriteNumber("seconds", Math.Round(seconds, 3));
            writer.WriteNumber("lines_per_second", ExplanationText.Rate(summary.Lines, seconds));
            writer.WriteEndObject();
        });
    }

    private static void WriteExplanation(Utf8JsonWriter writer, LogExplanation explanation)
    {
        var reject = explanation.Reject;
        writer.WriteStartObject();
        writer.WriteString("command", reject.Command.ToString().ToUpperInvariant());
        writer.WriteBoolean("reject_warning", reject.Warning);
        writer.WriteString("service", explanation.Service);
        writer.WriteString("logged_reply", reject.Reply);
        Nullable(writer, "simulated_reply", explanation.SimulatedReply);
        writer.WriteBoolean("reproduced", explanation.Reproduced);
        Nullable(writer, "difference", explanation.Difference);
        writer.WriteString("cause", explanation.Cause);
        Nullable(writer, "location", explanation.Location);
        writer.WriteStartArray("rules");
        foreach (var rule in explanation.Rules)
        {
            writer.WriteStringValue(rule);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("logged_warnings");
        foreach (var warning in explanation.LoggedWarnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("simulation");
        writer.WriteRawValue(ProbeJson.Format(explanation.Result), skipInputValidation: true);
        writer.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
