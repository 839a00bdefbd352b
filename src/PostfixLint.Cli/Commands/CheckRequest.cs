using System.Collections.Immutable;
using PostfixLint.Diagnostics;

namespace PostfixLint.Cli.Commands;

/// <summary>The parsed <c>check</c> command line.</summary>
internal sealed record CheckRequest(
    string ConfigDirectory,
    string? Root,
    string? PostconfFile,
    string? PolicyFile,
    string? SettingsFile,
    string Format,
    string? OutputFile,
    DiagnosticSeverity FailOn,
    ImmutableArray<string> Select,
    ImmutableArray<string> Ignore,
    bool ExitZero,
    string? PasswdFile,
    string? ServerHost,
    bool Color)
{
    /// <summary>Print paths relative to the current directory (files named on the command line) instead of the configuration directory.</summary>
    public bool PathsFromCurrentDirectory { get; init; }

    /// <summary>Simulate with tables as the live server has them (<c>--as-deployed</c>).</summary>
    public bool AsDeployed { get; init; }
}
