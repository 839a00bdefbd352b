using PostfixLint.Simulation;

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
}
