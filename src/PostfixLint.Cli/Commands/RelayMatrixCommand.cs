using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PostfixLint.Analysis;
using PostfixLint.Analysis.Relay;
using PostfixLint.Cli.Reporting;
using PostfixLint.Model;
using PostfixLint.Simulation;

namespace PostfixLint.Cli.Commands;

/// <summary><c>postfix-lint relay-matrix</c>: who can relay to where, per listener, as the simulator answers it.</summary>
internal static class RelayMatrixCommand
{
    private static readonly JsonWriterOptions s_json = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the verb; its action writes to <paramref name="streams"/>.</summary>
    public static Command Create(CliStreams streams)
    {
        var configDirectory = CommonOptions.ConfigDirectory("Read main.cf, master.cf and tables from DIR.");
        var root = CommonOptions.Root("Look up absolute paths named in the config under DIR.");
        var service = new Option<string>("--service") { Description = "Only this master.cf listener (smtp, submission, host:port).", HelpName = "NAME" };
        var policy = new Option<string>("--policy") { Description = "Read the intent policy from FILE (its logins and ranges become rows).", HelpName = "FILE" };
        var passwd = CommonOptions.Passwd();
        var format = new Option<string>("--format") { Description = "Output format.", HelpName = "text|json|markdown", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var command = new Command("relay-matrix", "Show who can relay to where: each client class, unauthenticated and per login, against each kind of recipient.")
        {
            configDirectory, root, service, policy, passwd, format,
        };
        command.SetAction(parseResult =>
        {
            if (ConfigInput.Load(parseResult.GetValue(configDirectory) ?? PostfixConfig.DefaultConfigDirectory, new ConfigLoadOptions { Root = parseResult.GetValue(root) }, streams) is not { } config)
            {
                return ExitCode.UsageError;
            }

            RelayPolicy? relayPolicy = null;
            if ((parseResult.GetValue(policy) ?? LintSettings.Find(config.ConfigDirectory)) is { } policyPath)
            {
                if (ConfigInput.ReadSettings(policyPath, streams) is not { } settings)
                {
                    return ExitCode.UsageError;
                }

                relayPolicy = settings.Policy;
            }

            var analyzer = new RelayAnalyzer(config, relayPolicy, new RelayAnalysisOptions { Simulator = new SimulatorOptions { PasswdFile = parseResult.GetValue(passwd) } });
            var wanted = parseResult.GetValue(service);
            var listeners = analyzer.Listeners.Where(l => wanted is null || l.Service == wanted || l.MasterService?.Name == wanted).ToList();
            if (listeners.Count == 0)
            {
                streams.Error.WriteLine($"postfix-lint: fatal: no smtpd listener {wanted} in {config.MasterCfPath}");
                return ExitCode.UsageError;
            }

            var matrices = listeners.Select(analyzer.BuildMatrix).ToList();
            streams.Out.Write(parseResult.GetValue(format) switch
            {
                "json" => Json(matrices),
                "markdown" => Markdown(matrices),
                _ => Text(matrices),
            });
            return ExitCode.Success;
        });
        return command;
    }

    private static string Cell(RelayMatrixCell cell) => cell.Decision switch
    {
        Decision.Accept => $"{cell.ReplyCode} {Deciding(cell)}",
        Decision.Reject or Decision.Defer => $"{cell.ReplyCode} {Deciding(cell)}",
        Decision.Unknown => "? depends on DNS",
        _ => "unreachable",
    };

    private static string Deciding(RelayMatrixCell cell) =>
        cell.Deciding is { } deciding ? $"{deciding.Restriction} ({TraceReading.Short(deciding.Source)})" : "(end of lists)";


    private static string Row(RelayMatrixRow row) => row.SaslLogin is { } login ? $"{row.Client} as {login}" : $"{row.Client}";

    private static string Text(List<RelayMatrix> matrices)
    {
        var builder = new StringBuilder();
        foreach (var matrix in matrices)
        {
            builder.Append($"{matrix.Listener.Service} ({matrix.Listener.Origin})\n");
            foreach (var row in matrix.Rows)
            {
                builder.Append("  ").Append(Row(row)).Append('\n');
                for (var i = 0; i < matrix.Columns.Length; i++)
                {
                    builder.Append($"    -> {matrix.Columns[i].Class} <{matrix.Columns[i].Recipient}>: {Cell(row.Cells[i])}\n");
                }
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    private static string Markdown(List<RelayMatrix> matrices)
    {
        var builder = new StringBuilder();
        foreach (var matrix in matrices)
        {
            builder.Append($"### {Escape(matrix.Listener.Service)} ({Escape(matrix.Listener.Origin)})\n\n");
            builder.Append("| client |");
            foreach (var column in matrix.Columns)
            {
                builder.Append($" {column.Class} `{Escape(column.Recipient)}` |");
            }

            builder.Append("\n|---|").Append(string.Concat(Enumerable.Repeat("---|", matrix.Columns.Length))).Append('\n');
            foreach (var row in matrix.Rows)
            {
                builder.Append($"| {Escape(Row(row))} |");
                foreach (var cell in row.Cells)
                {
                    builder.Append($" {Escape(Cell(cell))} |");
                }

                builder.Append('\n');
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Json(List<RelayMatrix> matrices)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_json))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("listeners");
            foreach (var matrix in matrices)
            {
                writer.WriteStartObject();
                writer.WriteString("service", matrix.Listener.Service);
                writer.WriteString("origin", matrix.Listener.Origin);
                writer.WriteStartArray("columns");
                foreach (var column in matrix.Columns)
                {
                    writer.WriteStartObject();
                    writer.WriteString("recipient", column.Recipient);
                    writer.WriteString("class", column.Class.ToString());
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("rows");
                foreach (var row in matrix.Rows)
                {
                    writer.WriteStartObject();
                    writer.WriteString("client", row.Client.ToString());
                    writer.WriteString("representative", row.Client.Representative.ToString());
                    writer.WriteString("saslLogin", row.SaslLogin);
                    writer.WriteStartArray("cells");
                    foreach (var cell in row.Cells)
                    {
                        writer.WriteStartObject();
                        RelayDiffReport.WriteCellFields(writer, cell);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
