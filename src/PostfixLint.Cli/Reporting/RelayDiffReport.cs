using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PostfixLint.Analysis.Relay;
using PostfixLint.Simulation;

namespace PostfixLint.Cli.Reporting;

/// <summary>How <c>postfix-lint diff</c> prints a <see cref="RelayDiffResult"/>: text, JSON, or markdown for a pull-request comment.</summary>
/// <remarks>ASCII arrows only: the CLI writes Latin-1, which has no "→".</remarks>
internal static class RelayDiffReport
{
    private static readonly JsonWriterOptions s_json = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One group per listener, login and recipient; one line per changed client class; a summary line.</summary>
    public static string Text(RelayDiffResult diff)
    {
        var builder = new StringBuilder();
        foreach (var group in Groups(diff))
        {
            builder.Append(Heading(group.Key)).Append(":\n");
            foreach (var change in group)
            {
                builder.Append($"  {change.Client}: {Side(change.Old)} -> {Side(change.New)}{(change.OpensRelay ? "  opens relay" : "")}\n");
            }
        }

        builder.Append(Summary(diff)).Append('\n');
        foreach (var note in Notes(diff))
        {
            builder.Append("note: ").Append(note).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>A summary line and one table of changed classes, for a pull-request comment.</summary>
    public static string Markdown(RelayDiffResult diff)
    {
        var builder = new StringBuilder();
        builder.Append(diff.OpensRelay ? "**Relaying opens** for " : "").Append(diff.OpensRelay ? $"{Count(diff.Changes.Count(c => c.OpensRelay), "class", "classes")}. " : "");
        builder.Append(Summary(diff)).Append("\n\n");
        if (!diff.IsUnchanged)
        {
            builder.Append("| listener | client | login | recipient | before | after |\n|---|---|---|---|---|---|\n");
            foreach (var change in diff.Changes)
            {
                builder.Append($"| {Escape(change.Service)} | {Escape(change.Client.ToString())} | {Escape(change.SaslLogin ?? "(none)")} | ")
                    .Append($"{Escape(Recipient(change))} | {Escape(Side(change.Old))} | {(change.OpensRelay ? "**" : "")}{Escape(Side(change.New))}{(change.OpensRelay ? "** (opens relay)" : "")} |\n");
            }

            builder.Append('\n');
        }

        foreach (var note in Notes(diff))
        {
            builder.Append("> ").Append(Escape(note)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary><c>{"opensRelay": …, "compared": …, "probes": …, "changes": [ … ]}</c>.</summary>
    public static string Json(RelayDiffResult diff)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_json))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("opensRelay", diff.OpensRelay);
            writer.WriteNumber("compared", diff.ComparedCount);
            writer.WriteNumber("probes", diff.ProbeCount);
            writer.WriteStartArray("changes");
            foreach (var change in diff.Changes)
            {
                writer.WriteStartObject();
                writer.WriteString("service", change.Service);
                writer.WriteString("client", change.Client.ToString());
                writer.WriteString("representative", change.Client.Representative.ToString());
                writer.WriteString("saslLogin", change.SaslLogin);
                writer.WriteString("recipient", change.Recipient);
                writer.WriteString("recipientClass", change.RecipientClass?.ToString().ToLowerInvariant());
                writer.WriteBoolean("opensRelay", change.OpensRelay);
                WriteCell(writer, "old", change.Old);
                WriteCell(writer, "new", change.New);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("notes");
            foreach (var note in Notes(diff))
            {
                writer.WriteStringValue(note);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteCell(Utf8JsonWriter writer, string name, RelayMatrixCell cell)
    {
        writer.WriteStartObject(name);
        WriteCellFields(writer, cell);
        writer.WriteEndObject();
    }

    /// <summary>A relay-matrix cell's fields in JSON, the same in <c>relay-matrix</c> and <c>diff</c> output.</summary>
    internal static void WriteCellFields(Utf8JsonWriter writer, RelayMatrixCell cell)
    {
        writer.WriteString("decision", cell.Decision.ToString().ToLowerInvariant());
        writer.WriteString("reply", cell.Reply);
        writer.WriteString("restriction", cell.Deciding?.Restriction);
        writer.WriteString("source", cell.Deciding is { } deciding ? TraceReading.Short(deciding.Source) : null);
        writer.WriteString("detail", cell.Detail);
    }

    private static IEnumerable<IGrouping<(string Service, string? Login, string Recipient), RelayDiffChange>> Groups(RelayDiffResult diff) =>
        diff.Changes.GroupBy(c => (c.Service, Login: c.SaslLogin, Recipient: Recipient(c)));

    private static string Heading((string Service, string? Login, string Recipient) key) =>
        $"{key.Service}, {(key.Login is { } login ? $"logged in as {login}" : "unauthenticated")}, to {key.Recipient}";

    private static string Recipient(RelayDiffChange change)
    {
        var kind = change.RecipientClass switch
        {
            AddressClass.Default => "remote",
            null => "unknown",
            { } other => other.ToString().ToLowerInvariant(),
        };
        return $"{kind} <{change.Recipient}>";
    }

    /// <summary>One side of a change: <c>250 (permit_mynetworks, main.cf:44)</c>.</summary>
    private static string Side(RelayMatrixCell cell)
    {
        var deciding = cell.Deciding is { } entry ? $"{entry.Restriction}, {TraceReading.Short(entry.Source)}" : "end of lists";
        return cell.Decision switch
        {
            Decision.Unknown => $"? ({cell.Detail ?? "depends on DNS"})",
            Decision.Error => $"no session ({cell.Detail})",
            _ => $"{cell.ReplyCode ?? "?"} ({deciding})",
        };
    }

    private static string Summary(RelayDiffResult diff) => diff.IsUnchanged
        ? $"no relay decision changes ({Count(diff.ComparedCount, "class", "classes")} compared)"
        : $"nothing else changes ({Count(diff.Changes.Length, "class", "classes")} of {diff.ComparedCount.ToString(CultureInfo.InvariantCulture)} changed)";

    private static IEnumerable<string> Notes(RelayDiffResult diff) =>
        diff.Truncations.Select(t => $"inputs cut to their bound: {t}")
            .Concat(diff.UncoveredPatterns.Select(p => $"no witness for the pattern {p}: its keys are not covered"));

    private static string Count(int count, string one, string many) => $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";


    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
