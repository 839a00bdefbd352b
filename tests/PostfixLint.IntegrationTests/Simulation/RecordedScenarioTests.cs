using PostfixLint.IntegrationTests.Instance;

namespace PostfixLint.IntegrationTests.Simulation;

/// <summary>
/// Every fixture under <c>testdata/simulation/</c> on a private real Postfix: the recorded <c>expected.jsonl</c> must still be
/// what Postfix answers (<c>POSTFIXLINT_UPDATE_GOLDEN=1</c> re-records it; a fixture without one fails), and the
/// simulator must give the same replies.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RecordedScenarioTests
{
    /// <summary>The fixture names, one test each.</summary>
    public static IEnumerable<string> Names() =>
        Directory.EnumerateDirectories(ScenarioFixtures.Root)
            .Where(d => File.Exists(Path.Combine(d, "probes.jsonl")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(Names))]
    public async Task Fixture_is_what_real_Postfix_answers_and_the_simulator_agrees(string name)
    {
        var real = await ScenarioFixtures.RunAndCompareAsync(name);

        var directory = ScenarioFixtures.DirectoryOf(name);
        var simulated = SimulatorBinding.Simulate!(directory, [.. real.Select(r => r.Probe)]);
        var outcome = new CaseOutcome(
            new GeneratedCase(0, Scenario.Load(directory), ["fixture"]), directory, [.. real],
            new InstanceTimings(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero), TimeSpan.Zero, [], []);
        // A connect-stage error's text is the harness's own ("cannot connect ...: ConnectionRefused", "postfix cannot start
        // ..."); decision and stage still have to match. smtpd's fatal start-up text must be reproduced.
        var differences = DifferentialRunner.Compare(outcome, simulated)
            .Where(d => !d.Contains(": error: real \"", StringComparison.Ordinal) || d.Contains("smtpd cannot run", StringComparison.Ordinal));
        differences.Should().BeEmpty(DifferentialRunner.Compact(outcome, simulated));
    }
}
