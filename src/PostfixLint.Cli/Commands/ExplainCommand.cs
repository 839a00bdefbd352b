using System.CommandLine;
using System.Diagnostics;
using System.Text;
using PostfixLint.Analysis;
using PostfixLint.Analysis.Explain;
using PostfixLint.Cli.Reporting;
using PostfixLint.Model;
using PostfixLint.Simulation;

namespace PostfixLint.Cli.Commands;

/// <summary><c>postfix-lint explain</c>: from logged smtpd rejects to their cause in the configuration.</summary>
internal static class ExplainCommand
{
    /// <summary>Builds the verb; its action writes to <paramref name="streams"/>.</summary>
    public static Command Create(CliStreams streams)
    {
        var configDirectory = CommonOptions.ConfigDirectory("Read main.cf, master.cf and tables from DIR.");
        var root = CommonOptions.Root("Look up absolute paths named in the config (maps) under DIR, like a chroot.");
        var asDeployed = CommonOptions.AsDeployed();
        asDeployed.Description += " The default when explaining the live server's own configuration (/etc/postfix without --root).";
        var log = new Option<string>("--log") { Description = "Summarise a whole mail log (- for standard input): rejects grouped by cause and client.", HelpName = "FILE" };
        var format = new Option<string>("--format") { Description = "Output format: text or json (default: text).", HelpName = "text|json" };
        format.AcceptOnlyFromAmong("text", "json");
        var lines = new Argument<string[]>("LOGLINE") { Description = "smtpd log lines to explain (warning lines before a reject are read with it).", Arity = ArgumentArity.ZeroOrMore };

        var command = new Command("explain", "Explain logged smtpd rejects: the probe, the simulated reply, and the cause with its file:line.")
        {
            configDirectory, root, asDeployed, log, format, lines,
        };
        command.Validators.Add(result =>
        {
            var hasLines = result.GetValue(lines) is { Length: > 0 };
            var hasLog = result.GetResult(log) is not null;
            if (hasLines == hasLog)
            {
                result.AddError(hasLog ? "give LOGLINE arguments or --log FILE, not both" : "give LOGLINE arguments or --log FILE");
            }
        });
        command.SetAction(parseResult =>
        {
            var directory = parseResult.GetValue(configDirectory) ?? PostfixConfig.DefaultConfigDirectory;
            if (ConfigInput.Load(directory, new ConfigLoadOptions { Root = parseResult.GetValue(root) }, streams) is not { } config)
            {
                return ExitCode.UsageError;
            }

            var json = parseResult.GetValue(format) == "json";
            // The log comes from a running server: its tables are what postmap last built, not what the sources say.
            var deployed = parseResult.GetValue(asDeployed)
                           || (parseResult.GetValue(root) is null && Path.GetFullPath(directory) == PostfixConfig.DefaultConfigDirectory);
            var summary = new LogSummary(new LogExplainer(config, new SimulatorOptions { AsDeployed = deployed }, LintOptionsFor(config)));
            var path = parseResult.GetValue(log);
            return path is null
                ? ExplainLines(summary, parseResult.GetValue(lines) ?? [], json, streams)
                : Summarise(summary, path, json, streams);
        });
        return command;
    }

    private static int ExplainLines(LogSummary summary, string[] lines, bool json, CliStreams streams)
    {
        var allReproduced = true;
        foreach (var line in lines.SelectMany(l => l.Split('\n')))
        {
            if (summary.Add(line.TrimEnd('\r')) is not { } explanation)
            {
                continue;
            }

            allReproduced &= explanation.Reproduced;
            streams.Out.Write(Utf8Output.Encode(json ? ExplanationJson.Format(explanation) + "\n" : ExplanationText.Format(explanation) + "\n"));
        }

        if (summary.Rejects == 0)
        {
            streams.Error.WriteLine($"postfix-lint: warning: no smtpd reject line among {summary.Lines} line(s)");
            return ExitCode.Findings;
        }

        return allReproduced ? ExitCode.Success : ExitCode.Findings;
    }

    private static int Summarise(LogSummary summary, string path, bool json, CliStreams streams)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            // Streamed line by line: memory does not grow with the log (LogSummary bounds what it keeps).
            using var reader = path == "-" ? null : new StreamReader(path, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, new FileStreamOptions { BufferSize = 1 << 16 });
            var input = reader ?? streams.In;
            while (input.ReadLine() is { } line)
            {
                summary.Add(line);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            streams.Error.WriteLine($"postfix-lint: fatal: read {path}: {ex.Message}");
            return ExitCode.UsageError;
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        streams.Out.Write(Utf8Output.Encode(json ? ExplanationJson.FormatSummary(summary, seconds) + "\n" : ExplanationText.FormatSummary(summary, seconds)));
        return summary.Reproduced == summary.Rejects ? ExitCode.Success : ExitCode.Findings;
    }

    /// <summary>The settings <c>check</c> would use (the intent policy names PFL111's clients); none when absent or unreadable.</summary>
    private static LintOptions? LintOptionsFor(PostfixConfig config)
    {
        if (LintSettings.Find(config.ConfigDirectory) is not { } path)
        {
            return null;
        }

        var read = LintSettingsReader.ReadFile(path);
        return read.Succeeded ? read.Settings!.ToOptions() : null;
    }
}
