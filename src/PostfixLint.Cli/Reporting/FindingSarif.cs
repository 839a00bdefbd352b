using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PostfixLint.Analysis;
using PostfixLint.Diagnostics;

namespace PostfixLint.Cli.Reporting;

/// <summary>Findings as a SARIF 2.1.0 log with one run, the rules' metadata and help, and paths relative to the configuration directory.</summary>
internal static class FindingSarif
{
    private const string BaseId = "CONFIGDIR";

    private static readonly JsonWriterOptions s_options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The whole log.</summary>
    public static string Format(IReadOnlyList<Diagnostic> findings, FindingPositions positions, string version)
    {
        var rules = findings.Select(f => f.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => RuleRegistry.Find(id) ?? new RuleDescriptor(id, id.ToLowerInvariant(), id, DiagnosticSeverity.Warning, RuleCategory.Syntax))
            .ToList();
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_options))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();
            WriteTool(writer, rules, version);
            writer.WriteStartObject("originalUriBaseIds");
            writer.WriteStartObject(BaseId);
            writer.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(positions.BaseDirectory)) + "/").AbsoluteUri);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("results");
            foreach (var finding in findings)
            {
                WriteResult(writer, finding, positions.Locate(finding), index[finding.Id]);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteTool(Utf8JsonWriter writer, List<RuleDescriptor> rules, string version)
    {
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "postfix-lint");
        writer.WriteString("version", version);
        writer.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.Id);
            writer.WriteString("name", rule.Name);
            writer.WriteStartObject("shortDescription");
            writer.WriteString("text", rule.Title);
            writer.WriteEndObject();
            writer.WriteStartObject("help");
            writer.WriteString("text", rule.Documentation);
            writer.WriteString("markdown", rule.Documentation);
            writer.WriteEndObject();
            writer.WriteStartObject("defaultConfiguration");
            writer.WriteString("level", Level(rule.DefaultSeverity));
            writer.WriteEndObject();
            writer.WriteStartObject("properties");
            writer.WriteString("category", rule.Category.ToString());
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter writer, Diagnostic finding, FindingPosition position, int ruleIndex)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", finding.Id);
        writer.WriteNumber("ruleIndex", ruleIndex);
        writer.WriteString("level", Level(finding.Severity));
        writer.WriteStartObject("message");
        writer.WriteString("text", finding.Message);
        writer.WriteEndObject();
        writer.WriteStartArray("locations");
        if (position.File is { } file)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("physicalLocation");
            writer.WriteStartObject("artifactLocation");
            if (Path.IsPathRooted(file))
            {
                writer.WriteString("uri", new Uri(file).AbsoluteUri);
            }
            else
            {
                writer.WriteString("uri", Uri.EscapeDataString(file).Replace("%2F", "/", StringComparison.Ordinal));
                writer.WriteString("uriBaseId", BaseId);
            }

            writer.WriteEndObject();
            if (position is { Start: { } start, End: { } end })
            {
                writer.WriteStartObject("region");
                writer.WriteNumber("startLine", start.Line);
                writer.WriteNumber("startColumn", start.Column);
                writer.WriteNumber("endLine", end.Line);
                writer.WriteNumber("endColumn", end.Column);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "error",
    };
}
