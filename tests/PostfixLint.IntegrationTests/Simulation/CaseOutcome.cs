using System.Collections.Immutable;
using PostfixLint.IntegrationTests.Instance;

namespace PostfixLint.IntegrationTests.Simulation;

/// <summary>Real Postfix's answers for one generated case, with where the time went.</summary>
/// <param name="Case">The generated case.</param>
/// <param name="Directory">The scenario directory written for it (main.cf, tables, probes.jsonl, expected.jsonl).</param>
/// <param name="Real">Real Postfix's results, in probe order.</param>
/// <param name="Timings">Instance setup/start/stop times.</param>
/// <param name="ProbeTime">Wall time of the whole probe batch.</param>
/// <param name="Overridden">Scenario settings the instance had to replace (should be none).</param>
/// <param name="LogProblems">The maillog's warnings and errors.</param>
public sealed record CaseOutcome(
    GeneratedCase Case,
    string Directory,
    ImmutableArray<ProbeResult> Real,
    InstanceTimings Timings,
    TimeSpan ProbeTime,
    ImmutableArray<string> Overridden,
    ImmutableArray<string> LogProblems);
