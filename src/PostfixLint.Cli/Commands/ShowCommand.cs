using System.Collections.Immutable;
using System.CommandLine;
using System.Text;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Syntax;

namespace PostfixLint.Cli.Commands;

/// <summary><c>postfix-lint show</c>: prints parameters the way <c>postconf</c> does, without Postfix installed.</summary>
internal static class ShowCommand
{
    /// <summary>Builds the verb; its action writes to <paramref name="streams"/>.</summary>
    public static Command Create(CliStreams streams)
    {
        var configDirectory = CommonOptions.ConfigDirectory("Read main.cf and master.cf from DIR (postconf -c).");
        var nonDefault = new Option<bool>("--non-default", "-n")
        {
            Description = "Show only parameters set in main.cf (postconf -n).",
        };
        var expand = new Option<bool>("--expand", "-x")
        {
            Description = "Expand $name references in values (postconf -x).",
        };
        var defaults = new Option<bool>("--defaults", "-d")
        {
            Description = "Show Postfix's built-in defaults instead of the configured values (postconf -d).",
        };
        var masterEntries = new Option<bool>("--master-entries", "-M")
        {
            Description = "Show master.cf service entries (postconf -M); NAME is service[/type].",
        };
        var masterParameters = new Option<bool>("--master-parameters", "-P")
        {
            Description = "Show master.cf -o parameters (postconf -P); NAME is service[/type[/parameter]].",
        };
        var postconf = new Option<string>("--postconf")
        {
            Description = "Read saved postconf output from FILE (- for standard input) instead of a config directory.",
            HelpName = "FILE|-",
        };
        var root = CommonOptions.Root("Look up absolute paths named in the config (maps, certificates) under DIR, like a chroot.");
        var names = new Argument<string[]>("NAME")
        {
            Description = "Parameters to show; all when none is given.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var command = new Command("show", "Print parameters as postconf prints them: name = value.")
        {
            configDirectory, nonDefault, expand, defaults, masterEntries, masterParameters, postconf, root, names,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(nonDefault) && result.GetValue(defaults))
            {
                // src/postconf/postconf.c: the same refusal, worded the same way.
                result.AddError("specify one of -d -n");
            }

            // An unknown option lands in NAME (it takes any token); Postfix names never start with '-'.
            foreach (var name in result.GetValue(names) ?? [])
            {
                if (name.StartsWith('-'))
                {
                    result.AddError($"Unrecognized option '{name}'.");
                }
            }

            if (result.GetValue(masterEntries) && result.GetValue(masterParameters))
            {
                result.AddError("specify one of -M -P");
            }

            if ((result.GetValue(masterEntries) || result.GetValue(masterParameters)) && result.GetResult(postconf) is not null)
            {
                result.AddError("-M and -P need master.cf: use --config-dir, not --postconf");
            }

            if (result.GetResult(postconf) is not null && result.GetResult(configDirectory) is { Implicit: false })
            {
                result.AddError("--config-dir and --postconf cannot be used together");
            }
        });
        command.SetAction(parseResult => Execute(
            new ShowRequest(
                parseResult.GetValue(configDirectory) ?? PostfixConfig.DefaultConfigDirectory,
                parseResult.GetValue(postconf),
                parseResult.GetValue(root),
                parseResult.GetResult(configDirectory) is { Implicit: false },
                parseResult.GetValue(masterEntries) ? MasterView.Entries : parseResult.GetValue(masterParameters) ? MasterView.Parameters : MasterView.None,
                new PostconfQuery
                {
                    NonDefaultOnly = parseResult.GetValue(nonDefault),
                    Expand = parseResult.GetValue(expand),
                    DefaultsOnly = parseResult.GetValue(defaults),
                    Names = [.. parseResult.GetValue(names) ?? []],
                }),
            streams));
        return command;
    }

    private static int Execute(ShowRequest request, CliStreams streams)
    {
        // Like postconf, `config_directory = DIR` counts as set only when -c names the directory.
        var options = new ConfigLoadOptions { Root = request.Root, ConfigDirectoryFromCommandLine = request.ConfigDirectoryGiven };
        PostfixConfig config;
        if (request.PostconfFile is { } postconfFile)
        {
            if (!TryReadPostconfOutput(postconfFile, streams, out var text))
            {
                return ExitCode.UsageError;
            }

            config = PostfixConfig.FromPostconfOutput(text, postconfFile, options);
        }
        else
        {
            // A missing directory or main.cf is a fatal message of the loader, worded as postconf words it.
            config = PostfixConfig.Load(request.ConfigDirectory, options);
        }

        var output = request.Master switch
        {
            MasterView.Entries => PostconfPrinter.PrintServices(config, parameters: false, request.Query.Names),
            MasterView.Parameters => PostconfPrinter.PrintServices(config, parameters: true, request.Query.Names),
            _ => PostconfPrinter.Print(config, request.Query),
        };
        for (var i = 0; i < output.Lines.Length; i++)
        {
            streams.Out.Write(output.Lines[i]);
            if (i < output.Lines.Length - 1 || !output.LastLineUnterminated)
            {
                streams.Out.Write('\n');
            }
        }

        streams.Out.Flush();
        WriteMessages(output.Messages, streams);
        return output.Failed ? ExitCode.UsageError : ExitCode.Success;
    }

    internal static bool TryReadPostconfOutput(string path, CliStreams streams, out string text)
    {
        if (path == "-")
        {
            text = streams.In.ReadToEnd();
            return true;
        }

        try
        {
            text = InputFile.ReadAllText(path, Encoding.Latin1);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Fatal(streams, $"open {path}: {ErrorText.Describe(exception)}");
            text = "";
            return false;
        }
    }

    private static void WriteMessages(ImmutableArray<Diagnostic> messages, CliStreams streams)
    {
        // postconf's own format: "<program>: warning: <message>" or "<program>: fatal: <message>".
        foreach (var message in messages)
        {
            streams.Error.WriteLine($"postfix-lint: {Diagnostic.SeverityLabel(message.Severity)}: {message.Message}");
        }
    }

    private static void Fatal(CliStreams streams, string text) =>
        streams.Error.WriteLine($"postfix-lint: fatal: {text}");
}
