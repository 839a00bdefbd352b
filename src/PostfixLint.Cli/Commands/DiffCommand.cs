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
        var root = CommonOptions.Root("Look up absolute paths named in both configs under DIR.");
        var policy = new Option<string>("--policy")
        {
            Description = "Read the intent policy from FILE (its logins and ranges become classes); default: the settings file of NEW_DIR.",
            HelpName = "FILE",
        };
        var passwd = CommonOptions.Passwd();
        var format = new Option<string>("--format") { Description = "Output format (markdown for a pull-request comment).", HelpName = "text|json|markdown", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var command = new Command("diff", "Show whose relaying a configuration change affects: every client class whose answer differs, with the deciding restriction on each side. Exits 1 when relaying opens for some class.")
        {
            oldDirectory, newDirectory, root, policy, passwd, format,
        };
        command.SetAction(parseResult =>
        {
            var loadOptions = new ConfigLoadOptions { Root = parseResult.GetValue(root) };
            var old = ConfigInput.Load(parseResult.GetValue(oldDirectory)!, loadOptions, streams);
            var @new = ConfigInput.Load(parseResult.GetValue(newDirectory)!, loadOptions, streams);
            if (old is null || @new is null)
            {
                return ExitCode.UsageError;
            }

            RelayPolicy? relayPolicy = null;
            if ((parseResult.GetValue(policy) ?? LintSettings.Find(@new.ConfigDirectory)) is { } policyPath)
            {
                if (ConfigInput.ReadSettings(policyPath, streams) is not { } settings)
                {
                    return ExitCode.UsageError;
                }

                relayPolicy = settings.Policy;
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
}
