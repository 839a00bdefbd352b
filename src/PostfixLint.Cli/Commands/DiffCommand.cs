using System.CommandLine;
using PostfixLint.Analysis;
using PostfixLint.Analysis.Relay;
using PostfixLint.Cli.Reporting;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Simulation;

namespace PostfixLint.Cli.Commands;

/// <summary><c>postfix-lint diff OLD_DIR NEW_DIR</c>: which relay-matrix classes a configuration change affects; exit 1 when relaying opens.</summary>
internal static class DiffCommand
{
    /// <summary>Builds the verb; its action writes to <paramref name="streams"/>.</summary>
    public static Command Create(CliStreams streams)
    {
        var oldDirectory = new Argument<string>("OLD_DIR") { Description = "The configuration directory before the change." };
        var newDirectory = new Argument<string>("NEW_DIR") { Description = "The configuration directory after the change." };
        var root = new Option<string>("--root") { Description = "Look up absolute paths named in both configs under DIR.", HelpName = "DIR" };
        var policy = new Option<string>("--policy")
        {
            Description = "Read the intent policy from FILE (its logins and ranges become classes); default: the settings file of NEW_DIR.",
            HelpName = "FILE",
        };
        var passwd = new Option<string>("--passwd") { Description = "Local users come from FILE instead of this machine's /etc/passwd.", HelpName = "FILE" };
        var format = new Option<string>("--format") { Description = "Output format (markdown for a pull-request comment).", HelpName = "text|json|markdown", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var command = new Command("diff", "Show whose relaying a configuration change affects: every client class whose answer differs, with the deciding restriction on each side. Exits 1 when relaying opens for some class.")
        {
            oldDirectory, newDirectory, root, policy, passwd, format,
        };
        command.SetAction(parseResult =>
        {
            var loadOptions = new ConfigLoadOptions { Root = parseResult.GetValue(root) };
            var old = Load(parseResult.GetValue(oldDirectory)!, loadOptions, streams);
            var @new = Load(parseResult.GetValue(newDirectory)!, loadOptions, streams);
            if (old is null || @new is null)
            {
                return ExitCode.UsageError;
            }

            RelayPolicy? relayPolicy = null;
            var policyPath = parseResult.GetValue(policy) ?? LintSettings.Find(@new.ConfigDirectory);
            if (policyPath is not null)
            {
                var read = LintSettingsReader.ReadFile(policyPath);
                if (!read.Succeeded)
                {
                    foreach (var error in read.Errors)
                    {
                        streams.Error.WriteLine($"postfix-lint: fatal: {policyPath}:{error.Position}: {error.Message}");
                    }

                    return ExitCode.UsageError;
                }

                relayPolicy = read.Settings!.Policy;
            }

            var options = new RelayAnalysisOptions { Simulator = new SimulatorOptions { PasswdFile = parseResult.GetValue(passwd) } };
            var diff = RelayDiff.Compare(old, @new, relayPolicy, options);
            streams.Out.Write(parseResult.GetValue(format) switch
            {
                "json" => RelayDiffReport.Json(diff),
                "markdown" => RelayDiffReport.Markdown(diff),
                _ => RelayDiffReport.Text(diff),
            });
            return diff.OpensRelay ? ExitCode.Findings : ExitCode.Success;
        });
        return command;
    }

    private static PostfixConfig? Load(string directory, ConfigLoadOptions options, CliStreams streams)
    {
        var config = PostfixConfig.Load(directory, options);
        if (config.MainCf is not null)
        {
            return config;
        }

        foreach (var message in config.ReadMessages.Where(m => m.Severity == DiagnosticSeverity.Fatal))
        {
            streams.Error.WriteLine($"postfix-lint: fatal: {message.Message}");
        }

        return null;
    }
}
