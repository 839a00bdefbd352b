using PostfixLint.IntegrationTests.Instance;

namespace PostfixLint.IntegrationTests.Simulation;

/// <summary>One generated configuration with its probes, and the seed that reproduces it.</summary>
/// <param name="Seed">The generator seed for this case.</param>
/// <param name="Scenario">The configuration and probes.</param>
/// <param name="Features">Short tags of what the case exercises (for failure reports and coverage counts).</param>
public sealed record GeneratedCase(int Seed, Scenario Scenario, IReadOnlyList<string> Features);
