using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PostfixLint.Analysis;
using PostfixLint.Diagnostics;

namespace PostfixLint.Cli.Reporting;

/// <summary>
/// Findings as the documented JSON object <c>{"findings": [...], "summary": {...}}</c> (README: "JSON output").
/// Lines and columns are 1-based; <c>endColumn</c> is the column just after the span, as in SARIF.
/// </summary>
internal static class FindingJson
{
    private static readonly JsonWriterOptions s_options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The whole report.</summary>
    public static string Format(IReadOnlyList<Diagnostic> findings, FindingPositions positions)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_options))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("findings");
            foreach (var finding in findings)
            {
                WriteFinding(writer, finding, positions.Locate(finding));
            }

            writer.WriteEndArray();
            writer.WriteStartObject("summary");
            writer.WriteNumber("error", findings.Count(f => LintResult.Rank(f.Severity) == 2));
            writer.WriteNumber("warning", findings.Count(f => f.Severity == DiagnosticSeverity.Warning));
            writer.WriteNumber("info", findings.Count(f => f.Severity == DiagnosticSeverity.Info));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteFinding(Utf8JsonWriter writer, Diagnostic finding, FindingPosition position)
    {
        writer.WriteStartObject();
        writer.WriteString("rule", finding.Id);
        writer.WriteString("name", RuleRegistry.Find(finding.Id)?.Name);
        writer.WriteString("severity", FindingText.Label(finding.Severity));
        writer.WriteString("message", finding.Message);
        writer.WriteString("file", position.File);
        WriteNumber(writer, "line", position.Start?.Line);
        WriteNumber(writer, "column", position.Start?.Column);
        WriteNumber(writer, "endLine", position.End?.Line);
        WriteNumber(writer, "endColumn", position.End?.Column);
        writer.WriteBoolean("fixable", finding.Fix is { Safety: not FixSafety.DisplayOnly });
        if (finding.Fix is { } fix)
        {
            writer.WriteStartObject("fix");
            writer.WriteString("title", fix.Title);
            writer.WriteString("safety", fix.Safety switch { FixSafety.Safe => "safe", FixSafety.Unsafe => "unsafe", _ => "display-only" });
            writer.WriteEndObject();
        }

        if (finding.Help is { } help)
        {
            writer.WriteString("help", help);
        }

        if (!finding.Notes.IsEmpty)
        {
            writer.WriteStartArray("notes");
            foreach (var note in finding.Notes)
            {
                writer.WriteStringValue(note);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
