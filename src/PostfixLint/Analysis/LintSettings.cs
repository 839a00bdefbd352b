using System.Collections.Immutable;
using PostfixLint.Analysis.Relay;
using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis;

/// <summary>
/// The contents of a <c>.postfix-lint.json</c> file (JSON with comments): which rules run, their severities, and
/// the intent policy.
/// </summary>
public sealed record LintSettings
{
    /// <summary>The file name looked for in the configuration directory and its parents.</summary>
    public const string FileName = ".postfix-lint.json";

    /// <summary>Rule ids or prefixes to run; empty runs every rule.</summary>
    public ImmutableArray<string> Select { get; init; } = [];

    /// <summary>Rule ids or prefixes not to run.</summary>
    public ImmutableArray<string> Ignore { get; init; } = [];

    /// <summary>Severity overrides by rule id.</summary>
    public ImmutableDictionary<string, DiagnosticSeverity> Severities { get; init; } = ImmutableDictionary<string, DiagnosticSeverity>.Empty;

    /// <summary>The intent policy; null when the file has none.</summary>
    public RelayPolicy? Policy { get; init; }

    /// <summary>The file these settings were read from; null when they were not read from a file.</summary>
    public string? Path { get; init; }

    /// <summary>
    /// The settings file that applies to <paramref name="configDirectory"/>: the one in it, else in the nearest parent
    /// directory; null when there is none.
    /// </summary>
    public static string? Find(string configDirectory)
    {
        ArgumentNullException.ThrowIfNull(configDirectory);
        for (var directory = new DirectoryInfo(System.IO.Path.GetFullPath(configDirectory)); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>These settings as lint options (the command line adds to them).</summary>
    public LintOptions ToOptions() => new()
    {
        Select = Select,
        Ignore = Ignore,
        Severities = Severities,
        Policy = Policy,
        PolicySource = Policy is null || Path is null ? null : System.IO.Path.GetFileName(Path),
    };
}
