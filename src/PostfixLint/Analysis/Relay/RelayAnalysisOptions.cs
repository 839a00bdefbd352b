using PostfixLint.Simulation;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Analysis.Relay;

/// <summary>Settings for <see cref="RelayAnalyzer"/>.</summary>
public sealed record RelayAnalysisOptions
{
    /// <summary>Settings for the simulator behind every probe.</summary>
    public SimulatorOptions Simulator { get; init; } = new();

    /// <summary>Derives witness strings for <c>regexp:</c>/<c>pcre:</c> keys; null uses <see cref="ShortestPatternWitnesses"/>.</summary>
    public IPatternWitnessSource? PatternWitnesses { get; init; }

    /// <summary>The server name for reproducer lines; null uses <c>myhostname</c>.</summary>
    public string? ServerHost { get; init; }

    /// <summary>
    /// Table sources the caller has already parsed, by name as the configuration writes it and format (parsed with
    /// <c>utf8: true</c>, as the collector parses them); null, or a null answer, reads and parses the file.
    /// </summary>
    /// <remarks><c>check</c> passes the map rules' parses: a 10⁶-line table is then parsed once per run, not twice.</remarks>
    internal Func<string, TableSourceFormat, LookupTableSyntax?>? TableSyntax { get; init; }
}
