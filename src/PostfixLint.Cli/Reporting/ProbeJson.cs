using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using PostfixLint.Simulation;

namespace PostfixLint.Cli.Reporting;

/// <summary>Reads probes from and writes results to JSON lines, without reflection (Native AOT safe).</summary>
internal static class ProbeJson
{
    /// <summary>The HELO name used when a probe has no <c>helo</c> key (as the postfix-oracle tool does); <c>null</c> means no HELO.</summary>
    public const string DefaultHelo = "probe.example.com";

    private static readonly HashSet<string> s_known = new(StringComparer.Ordinal)
    {
        "client", "client_name", "helo", "sasl_login", "sender", "recipient", "service", "id", "tls",
        "client_cert", "client_cert_pkey", "client_cert_cn", "client_cert_verified", "smtputf8",
    };

    private static readonly HashSet<string> s_output = new(StringComparer.Ordinal)
    {
        "decision", "stage", "mail_from_reply", "rcpt_reply", "error", "unknown_reason", "trace", "notes", "warnings", "connect_reply", "helo_reply", "reachability", "auth_reply",
    };

    /// <summary>Parses one JSON object into a probe; returns null and an error message when it is not a valid probe.</summary>
    public static Probe? Parse(string line, out string? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            var probe = ParseCore(line, out var problem);
            error = problem;
            return probe;
        }
        catch (InvalidOperationException)
        {
            // JsonElement.GetString() and JsonProperty.Name refuse a \uD800-style escape that is half a UTF-16 pair.
            error = "a string holds a lone UTF-16 surrogate escape (\\uD800-\\uDFFF without its pair): it is no character";
            return null;
        }
    }

    private static Probe? ParseCore(string line, out string? error)
    {
        string? firstError = null;
        error = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            // System.Text.Json's message names its own reader state; say where the line stops being JSON.
            var column = ex.BytePositionInLine is { } position ? $" at column {position + 1}" : "";
            error = $"not a JSON object{column}";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "a probe must be a JSON object";
                return null;
            }

            string? Text(string name, bool required)
            {
                if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    if (required)
                    {
                        firstError ??= $"missing \"{name}\"";
                    }

                    return null;
                }

                if (value.ValueKind != JsonValueKind.String)
                {
                    firstError ??= $"\"{name}\" must be a string";
                    return null;
                }

                return value.GetString();
            }

            var client = Text("client", true);
            var sender = Text("sender", true);
            var recipient = Text("recipient", true);
            var helo = root.TryGetProperty("helo", out _) ? Text("helo", false) : DefaultHelo;
            bool? tls = root.TryGetProperty("tls", out var tlsValue) && tlsValue.ValueKind is JsonValueKind.True or JsonValueKind.False ? tlsValue.GetBoolean() : null;
            var certVerified = root.TryGetProperty("client_cert_verified", out var verifiedValue) && verifiedValue.ValueKind == JsonValueKind.True;
            var smtputf8 = root.TryGetProperty("smtputf8", out var smtputf8Value) && smtputf8Value.ValueKind == JsonValueKind.True;
            var id = root.TryGetProperty("id", out var idValue) && idValue.ValueKind != JsonValueKind.Null
                ? idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : idValue.GetRawText()
                : null;
            var extra = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
            foreach (var property in root.EnumerateObject())
            {
                if (!s_known.Contains(property.Name) && !s_output.Contains(property.Name))
                {
                    extra.Add(new(property.Name, property.Value.GetRawText()));
                }
            }

            if (firstError is not null)
            {
                error = firstError;
                return null;
            }

            return new Probe(client!, sender!, recipient!)
            {
                ClientName = Text("client_name", false),
                Helo = helo,
                SaslLogin = Text("sasl_login", false),
                Service = Text("service", false) ?? "smtp",
                Tls = tls,
                ClientCert = Text("client_cert", false),
                ClientCertPkey = Text("client_cert_pkey", false),
                ClientCertCommonName = Text("client_cert_cn", false),
                ClientCertVerified = certVerified,
                Smtputf8 = smtputf8,
                Id = id,
                Extra = extra.ToImmutable(),
                RawJson = line,
            };
        }
    }

    /// <summary>One output line: the probe's own keys, then decision, stage, replies, error and trace.</summary>
    public static string Format(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            WriteProbe(writer, result.Probe);
            writer.WriteString("decision", Name(result.Decision));
            writer.WriteString("stage", Name(result.Stage));
            if (result.ConnectReply is not null)
            {
                writer.WriteString("connect_reply", result.ConnectReply);
            }

            if (result.HeloReply is not null)
            {
                writer.WriteString("helo_reply", result.HeloReply);
            }

            if (result.AuthReply is not null)
            {
                writer.WriteString("auth_reply", result.AuthReply);
            }

            WriteNullable(writer, "mail_from_reply", result.MailFromReply);
            WriteNullable(writer, "rcpt_reply", result.RcptReply);
            WriteNullable(writer, "error", result.Error);
            if (result.Reachability is not null)
            {
                writer.WriteString("reachability", result.Reachability);
            }

            if (result.UnknownReason is not null)
            {
                writer.WriteString("unknown_reason", result.UnknownReason);
            }

            WriteTrace(writer, result.Trace);
            WriteArray(writer, "notes", result.Notes);
            WriteArray(writer, "warnings", result.Warnings);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The JSON/text name of a decision.</summary>
    public static string Name(Decision decision) => decision.ToString().ToLowerInvariant();

    /// <summary>The JSON/text name of a stage.</summary>
    public static string Name(SmtpStage stage) => stage.ToString().ToLowerInvariant();

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
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

    /// <summary>The probe's own keys: as read (minus output keys) when it came from JSON, else its fields.</summary>
    private static void WriteProbe(Utf8JsonWriter writer, Probe probe)
    {
        if (probe.RawJson is { } raw)
        {
            using var document = JsonDocument.Parse(raw);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!s_output.Contains(property.Name))
                {
                    property.WriteTo(writer);
                }
            }
        }
        else
        {
            if (probe.Id is not null)
            {
                writer.WriteString("id", probe.Id);
            }

            writer.WriteString("client", probe.Client);
            WriteNullable(writer, "client_name", probe.ClientName);
            WriteNullable(writer, "helo", probe.Helo);
            WriteNullable(writer, "sasl_login", probe.SaslLogin);
            writer.WriteString("sender", probe.Sender);
            writer.WriteString("recipient", probe.Recipient);
            writer.WriteString("service", probe.Service);
            if (probe.Tls is bool tls)
            {
                writer.WriteBoolean("tls", tls);
            }

            if (probe.ClientCert is not null)
            {
                writer.WriteString("client_cert", probe.ClientCert);
                WriteNullable(writer, "client_cert_pkey", probe.ClientCertPkey);
                WriteNullable(writer, "client_cert_cn", probe.ClientCertCommonName);
                writer.WriteBoolean("client_cert_verified", probe.ClientCertVerified);
            }

            if (probe.Smtputf8)
            {
                writer.WriteBoolean("smtputf8", true);
            }
        }
    }

    private static void WriteTrace(Utf8JsonWriter writer, ImmutableArray<TraceEntry> trace)
    {
        writer.WriteStartArray("trace");
        foreach (var entry in trace)
        {
            writer.WriteStartObject();
            writer.WriteString("list", entry.List);
            writer.WriteString("restriction", entry.Restriction);
            writer.WriteString("result", TraceText.Name(entry.Result));
            writer.WriteString("origin", TraceText.Origin(entry.Source));
            WriteSpan(writer, "span", entry.Source);
            if (entry.Reply is not null)
            {
                writer.WriteString("reply", entry.Reply);
            }

            if (entry.TableEntry is { } tableEntry)
            {
                writer.WriteStartObject("table_entry");
                WriteNullable(writer, "path", tableEntry.Path);
                writer.WriteNumber("line", tableEntry.Line);
                WriteSpan(writer, "span", tableEntry);
                writer.WriteEndObject();
            }

            if (entry.Depth > 0)
            {
                writer.WriteNumber("depth", entry.Depth);
            }

            if (!entry.Notes.IsEmpty)
            {
                writer.WriteStartArray("notes");
                foreach (var note in entry.Notes)
                {
                    writer.WriteStringValue(note);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>The source span as <c>[start, length]</c> (UTF-16 offsets into the document), when it is known.</summary>
    private static void WriteSpan(Utf8JsonWriter writer, string name, TraceSource source)
    {
        if (source.Span is not { } span)
        {
            return;
        }

        writer.WriteStartArray(name);
        writer.WriteNumberValue(span.Start);
        writer.WriteNumberValue(span.Length);
        writer.WriteEndArray();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, ImmutableArray<string> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
