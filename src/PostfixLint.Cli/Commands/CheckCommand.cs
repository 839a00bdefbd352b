using System.Collections.Immutable;
using System.CommandLine;
using System.Reflection;
using System.Text;
using PostfixLint.Analysis;
using PostfixLint.Analysis.Relay;
using PostfixLint.Cli.Reporting;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Syntax;
using PostfixLint.Simulation;

namespace PostfixLint.Cli.Commands;

/// <summary><c>postfix-lint check</c>: every rule over main.cf, master.cf and the tables they name, reported for people and CI.</summary>
internal static class CheckCommand
{
    /// <summary>Builds the verb; its action writes to <paramref name="streams"/>.</summary>
    public static Command Create(CliStreams streams)
    {
        var configDirectory = CommonOptions.ConfigDirectory("Check main.cf, master.cf and tables in DIR.");
        var root = CommonOptions.Root("Look up absolute paths named in the config (maps, certificates) under DIR.");
        var postconf = new Option<string>("--postconf") { Description = "Check saved `postconf -n` output from FILE (- for standard input) instead of a directory.", HelpName = "FILE" };
        var policy = new Option<string>("--policy") { Description = "Read the intent policy from FILE (JSON; overrides the settings file's policy).", HelpName = "FILE" };
        var settings = new Option<string>("--settings") { Description = "Read settings from FILE instead of the nearest .postfix-lint.json.", HelpName = "FILE" };
        var format = new Option<string>("--format") { Description = "Output format.", HelpName = "text|json|sarif|github", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var output = new Option<string>("--output", "-o") { Description = "Write the report to FILE instead of standard output.", HelpName = "FILE" };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a finding is at least this severe (default: warning).", HelpName = "error|warning|info", DefaultValueFactory = _ => "warning" };
        failOn.AcceptOnlyFromAmong("error", "warning", "info");
        var select = new Option<string[]>("--select") { Description = "Run only these rule ids or prefixes (comma-separated; ALL for every rule).", HelpName = "IDS", AllowMultipleArgumentsPerToken = true };
        var ignore = new Option<string[]>("--ignore") { Description = "Do not run these rule ids or prefixes (comma-separated).", HelpName = "IDS", AllowMultipleArgumentsPerToken = true };
        var exitZero = new Option<bool>("--exit-zero") { Description = "Exit 0 even when there are findings (2 still means unusable input)." };
        var passwd = CommonOptions.Passwd();
        var asDeployed = CommonOptions.AsDeployed();
        var serverHost = new Option<string>("--server-host") { Description = "The server's name or address for the reproducer commands (default: myhostname).", HelpName = "HOST" };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the text output (NO_COLOR is respected too)." };
        var files = new Argument<string[]>("FILE")
        {
            Description = "Check the configuration directory each FILE belongs to (the nearest directory with a main.cf), as a pre-commit hook passes staged files.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var command = new Command("check", "Find relay-breaking and relay-opening mistakes before deploy; exit 1 when there are findings.")
        {
            configDirectory, root, postconf, policy, settings, format, output, failOn, select, ignore, exitZero, passwd, asDeployed, serverHost, noColor, files,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(postconf) is not null && result.GetResult(configDirectory) is { Implicit: false })
            {
                result.AddError("--config-dir and --postconf cannot be used together");
            }
        });
        command.SetAction(parseResult =>
        {
            var request = new CheckRequest(
                parseResult.GetValue(configDirectory) ?? PostfixConfig.DefaultConfigDirectory,
                parseResult.GetValue(root),
                parseResult.GetValue(postconf),
                parseResult.GetValue(policy),
                parseResult.GetValue(settings),
                parseResult.GetValue(format) ?? "text",
                parseResult.GetValue(output),
                ParseSeverity(parseResult.GetValue(failOn) ?? "warning"),
                Ids(parseResult.GetValue(select)),
                Ids(parseResult.GetValue(ignore)),
                parseResult.GetValue(exitZero),
                parseResult.GetValue(passwd),
                parseResult.GetValue(serverHost),
                !parseResult.GetValue(noColor) && UseColor(parseResult.GetValue(output)))
            {
                AsDeployed = parseResult.GetValue(asDeployed),
            };
            var named = parseResult.GetValue(files) ?? [];
            return named.Length == 0 ? Execute(request, streams) : ExecuteForFiles(request, named, streams);
        });
        return command;
    }

    private static int Execute(CheckRequest request, CliStreams streams)
    {
        var config = Load(request, streams);
        if (config is null)
        {
            return ExitCode.UsageError;
        }

        var options = Options(request, config, streams);
        if (options is null)
        {
            return ExitCode.UsageError;
        }

        var result = Linter.Check(config, options);
        var positions = new FindingPositions(config, request.PathsFromCurrentDirectory ? Environment.CurrentDirectory : null);
        var findings = result.Findings;
        var report = request.Format switch
        {
            "json" => FindingJson.Format(findings, positions),
            "sarif" => FindingSarif.Format(findings, positions, Version),
            "github" => FindingGithub.Format(findings, positions, Environment.CurrentDirectory),
            _ => null,
        };
        if (!Write(request, streams, findings, positions, report))
        {
            return ExitCode.UsageError;
        }

        return !request.ExitZero && result.HasFindingsAtOrAbove(request.FailOn) ? ExitCode.Findings : ExitCode.Success;
    }

    /// <summary>
    /// Checks each configuration directory the files belong to, once; files outside any (no main.cf above them) are
    /// not Postfix configuration and are skipped. The worst exit code wins.
    /// </summary>
    private static int ExecuteForFiles(CheckRequest request, string[] files, CliStreams streams)
    {
        var directories = files.Select(ConfigDirectoryOf).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (directories.Count > 1 && request.Format is "json" or "sarif")
        {
            streams.Error.WriteLine($"postfix-lint: fatal: the files belong to {directories.Count} configuration directories; --format {request.Format} reports one: check them one by one");
            return ExitCode.UsageError;
        }

        var exit = ExitCode.Success;
        foreach (var directory in directories)
        {
            var code = Execute(request with { ConfigDirectory = directory, PathsFromCurrentDirectory = true }, streams);
            exit = code == ExitCode.UsageError || exit == ExitCode.UsageError ? ExitCode.UsageError : Math.Max(exit, code);
        }

        return exit;
    }

    /// <summary>The nearest directory at or above <paramref name="file"/>'s that holds a main.cf; null when there is none.</summary>
    private static string? ConfigDirectoryOf(string file)
    {
        var full = Path.GetFullPath(file);
        for (var directory = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full).Directory; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "main.cf")))
            {
                return Path.GetRelativePath(Environment.CurrentDirectory, directory.FullName);
            }
        }

        return null;
    }

    internal static PostfixConfig? Load(CheckRequest request, CliStreams streams)
    {
        var loadOptions = new ConfigLoadOptions { Root = request.Root };
        if (request.PostconfFile is { } postconfFile)
        {
            return ShowCommand.TryReadPostconfOutput(postconfFile, streams, out var text)
                ? PostfixConfig.FromPostconfOutput(text, postconfFile, loadOptions)
                : null;
        }

        if (ForeignConfigDetector.Detect(request.ConfigDirectory) is { } foreign)
        {
            // Another MTA's configuration: a page of Postfix findings about it would be noise.
            streams.Error.WriteLine($"postfix-lint: fatal: {foreign.Message}");
            return null;
        }

        return ConfigInput.Load(request.ConfigDirectory, loadOptions, streams);
    }

    internal static LintOptions? Options(CheckRequest request, PostfixConfig config, CliStreams streams)
    {
        var settingsPath = request.SettingsFile ?? (request.PostconfFile is null ? LintSettings.Find(config.ConfigDirectory) : LintSettings.Find(Environment.CurrentDirectory));
        var options = new LintOptions();
        if (settingsPath is not null)
        {
            var read = LintSettingsReader.ReadFile(settingsPath);
            if (!read.Succeeded)
            {
                ConfigInput.ReportErrors(streams, settingsPath, read.Errors);
                return null;
            }

            options = read.Settings!.ToOptions();
        }

        if (request.PolicyFile is { } policyPath)
        {
            RelayPolicyReadResult policy;
            try
            {
                policy = RelayPolicyReader.Read(InputFile.ReadAllText(policyPath, Encoding.UTF8));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                streams.Error.WriteLine($"postfix-lint: fatal: open {policyPath}: {ErrorText.Describe(exception)}");
                return null;
            }

            if (!policy.Succeeded)
            {
                ConfigInput.ReportErrors(streams, policyPath, policy.Errors);
                return null;
            }

            options = options with { Policy = policy.Policy, PolicySource = Path.GetFileName(policyPath) };
        }

        if (!request.Select.IsEmpty)
        {
            options = options with { Select = request.Select };
        }

        if (!request.Ignore.IsEmpty)
        {
            options = options with { Ignore = [.. options.Ignore, .. request.Ignore] };
        }

        var unknown = request.Select.Concat(request.Ignore)
            .Where(id => !id.Equals("ALL", StringComparison.OrdinalIgnoreCase) && !RuleRegistry.All.Any(d => d.Id.StartsWith(id, StringComparison.OrdinalIgnoreCase) || d.Name.Equals(id, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (unknown.Count > 0)
        {
            streams.Error.WriteLine($"postfix-lint: fatal: no rule matches {string.Join(", ", unknown)} (postfix-lint rules lists them)");
            return null;
        }

        return options with
        {
            Relay = new RelayAnalysisOptions
            {
                ServerHost = request.ServerHost,
                Simulator = new SimulatorOptions { PasswdFile = request.PasswdFile, AsDeployed = request.AsDeployed },
            },
        };
    }

    private static bool Write(CheckRequest request, CliStreams streams, ImmutableArray<Diagnostic> findings, FindingPositions positions, string? report)
    {
        if (request.OutputFile is not { } path)
        {
            if (report is null)
            {
                FindingText.Write(streams.Out, findings, positions, request.Color);
            }
            else
            {
                streams.Out.Write(report);
            }

            return true;
        }

        try
        {
            if (report is null)
            {
                using var writer = new StringWriter { NewLine = "\n" };
                FindingText.Write(writer, findings, positions, color: false);
                report = writer.ToString();
            }

            File.WriteAllText(path, report, new UTF8Encoding(false));
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            streams.Error.WriteLine($"postfix-lint: fatal: write {path}: {ErrorText.Describe(exception)}");
            return false;
        }
    }

    internal static ImmutableArray<string> Ids(string[]? values) =>
        values is null ? [] : [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private static DiagnosticSeverity ParseSeverity(string text) => text switch
    {
        "error" => DiagnosticSeverity.Error,
        "info" => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Warning,
    };

    // Colour only for a terminal, and never when NO_COLOR is set to anything (https://no-color.org).
    private static bool UseColor(string? outputFile) =>
        outputFile is null && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && Environment.GetEnvironmentVariable("TERM") is not "dumb";

    private static string Version =>
        typeof(CheckCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
