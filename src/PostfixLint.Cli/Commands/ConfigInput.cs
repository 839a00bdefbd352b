using System.Collections.Immutable;
using PostfixLint.Analysis;
using PostfixLint.Analysis.Relay;
using PostfixLint.Diagnostics;
using PostfixLint.Model;

namespace PostfixLint.Cli.Commands;

/// <summary>Reading what the verbs share: a configuration directory and a settings or policy file, with their fatal messages.</summary>
internal static class ConfigInput
{
    /// <summary>
    /// Loads <paramref name="directory"/>; null (after the loader's fatal messages, worded as postconf words them)
    /// when there is no main.cf to read at all.
    /// </summary>
    public static PostfixConfig? Load(string directory, ConfigLoadOptions options, CliStreams streams)
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

    /// <summary>Reads a <c>.postfix-lint.json</c> (or a policy file); null after reporting every error with its position.</summary>
    public static LintSettings? ReadSettings(string path, CliStreams streams)
    {
        var read = LintSettingsReader.ReadFile(path);
        if (read.Succeeded)
        {
            return read.Settings;
        }

        ReportErrors(streams, path, read.Errors);
        return null;
    }

    /// <summary>Writes each error of a JSON settings or policy file as <c>postfix-lint: fatal: FILE:LINE:COL: message</c>.</summary>
    public static void ReportErrors(CliStreams streams, string path, ImmutableArray<PolicyError> errors)
    {
        foreach (var error in errors)
        {
            streams.Error.WriteLine($"postfix-lint: fatal: {path}:{error.Position}: {error.Message}");
        }
    }
}
