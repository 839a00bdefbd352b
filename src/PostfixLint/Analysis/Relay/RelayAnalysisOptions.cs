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
    /// The entries of table sources the caller has already read, by name as the configuration writes it and format
    /// (read with <c>utf8: true</c>, as the collector parses them); null, or a null answer, reads and parses the file.
    /// </summary>
    /// <remarks>
    /// <c>check</c> passes the map rules' sources: a 10⁶-line table is then scanned once per run and streamed to the
    /// collector, never held as a tree. The filter, when given, names plain keys the collector no longer needs (their
    /// entries may be left out).
    /// </remarks>
    internal Func<string, TableSourceFormat, Model.Tables.PostmapSource.FastKeyFilter?, IEnumerable<TableEntrySyntax>?>? TableEntries { get; init; }
}
