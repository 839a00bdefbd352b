using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PostfixLint.IntegrationTests.Instance;

/// <summary>Reads and writes probes and results as JSON lines (blank lines and <c>#</c> lines are skipped).</summary>
public static class ProbeJson
{
    private static readonly HashSet<string> ProbeKeys = ["client", "client_name", "helo", "sasl_login", "sender", "recipient", "service", "id", "tls", "client_cert", "smtputf8"];

    private static readonly HashSet<string> ResultKeys = ["decision", "stage", "mail_from_reply", "rcpt_reply", "error", "trace", "connect_reply", "helo_reply", "auth_reply"];

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses one probe object; a missing <c>client</c>, <c>sender</c> or <c>recipient</c> is a <see cref="FormatException"/>.</summary>
    public static Probe ParseProbe(JsonObject json)
    {
        var extra = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        foreach (var (key, value) in json)
        {
            if (!ProbeKeys.Contains(key) && !ResultKeys.Contains(key))
            {
                extra.Add(new(key, value?.ToJsonString(Compact) ?? "null"));
            }
        }

        return new Probe(Required(json, "client"), Required(json, "sender"), Required(json, "recipient"))
        {
            ClientName = Optional(json, "client_name"),
            Helo = Optional(json, "helo"),
            SaslLogin = Optional(json, "sasl_login"),
            ClientCert = Optional(json, "client_cert"),
            Service = Optional(json, "service") ?? "smtp",
            Id = json["id"] is JsonValue id ? id.ToString() : null,
            Smtputf8 = json["smtputf8"] is JsonValue smtputf8 && smtputf8.GetValueKind() == JsonValueKind.True,
            Tls = json["tls"] is JsonValue tls && tls.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? tls.GetValue<bool>() : null,
            Extra = extra.ToImmutable(),
        };
    }

    /// <summary>Reads a probes file.</summary>
    public static ImmutableArray<Probe> ReadProbes(string path) => [.. ReadObjects(path).Select(ParseProbe)];

    /// <summary>Reads a results file (e.g. <c>expected.jsonl</c>).</summary>
    public static ImmutableArray<ProbeResult> ReadResults(string path) => [.. ReadObjects(path).Select(ParseResult)];

    /// <summary>Parses one result object: the probe's keys plus decision, stage, replies and error.</summary>
    public static ProbeResult ParseResult(JsonObject json) =>
        new(ParseProbe(json), Enum.Parse<ProbeDecision>(Required(json, "decision"), ignoreCase: true), Enum.Parse<ProbeStage>(Required(json, "stage"), ignoreCase: true))
        {
            MailFromReply = Optional(json, "mail_from_reply"),
            RcptReply = Optional(json, "rcpt_reply"),
            Error = Optional(json, "error"),
            ConnectReply = Optional(json, "connect_reply"),
            HeloReply = Optional(json, "helo_reply"),
            AuthReply = Optional(json, "auth_reply"),
        };

    /// <summary>Writes probes as JSON lines.</summary>
    public static void WriteProbes(string path, IEnumerable<Probe> probes) =>
        WriteLines(path, probes.Select(p =>
        {
            var json = new JsonObject();
            p.WriteTo(json);
            return json;
        }));

    /// <summary>Writes results as JSON lines.</summary>
    public static void WriteResults(string path, IEnumerable<ProbeResult> results, bool includeSessionDetails = false) =>
        WriteLines(path, results.Select(r => r.ToJson(includeSessionDetails)));

    /// <summary>One compact JSON line.</summary>
    public static string ToLine(JsonObject json) => json.ToJsonString(Compact);

    private static void WriteLines(string path, IEnumerable<JsonObject> objects)
    {
        var text = new StringBuilder();
        foreach (var json in objects)
        {
            text.Append(ToLine(json)).Append('\n');
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static IEnumerable<JsonObject> ReadObjects(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            yield return JsonNode.Parse(trimmed) as JsonObject ?? throw new FormatException($"{path}:{number}: not a JSON object");
        }
    }

    private static string Required(JsonObject json, string key) =>
        Optional(json, key) ?? throw new FormatException($"probe {json.ToJsonString()} has no \"{key}\"");

    private static string? Optional(JsonObject json, string key) => json[key] is JsonValue value ? value.GetValue<string>() : null;
}
