using System.Collections.Immutable;
using System.Diagnostics;
using PostfixLint.IntegrationTests.Instance;
using PostfixLint.IntegrationTests.Support;

namespace PostfixLint.IntegrationTests.Simulation;

/// <summary>The differential suite: generated configurations × probes on real Postfix; the simulator must give the same replies.</summary>
/// <remarks>
/// <c>POSTFIXLINT_DIFF_CASES</c> sets the number of configurations (default 300), <c>POSTFIXLINT_DIFF_SEED</c> the first
/// seed (default 1), <c>POSTFIXLINT_DIFF_KEEP=DIR</c> keeps the scenario directories (with expected.jsonl) in DIR, and
/// <c>POSTFIXLINT_DIFF_REPLAY=DIR</c> reuses the answers kept in DIR by an earlier run (cases not recorded there run on real Postfix).
/// </remarks>
[TestFixture]
[NonParallelizable]
public sealed class DifferentialTests
{
    private static readonly int Cases = TestEnvironment.Int("POSTFIXLINT_DIFF_CASES", 300);
    private static readonly int FirstSeed = TestEnvironment.Int("POSTFIXLINT_DIFF_SEED", 1);
    private ImmutableArray<CaseOutcome> _outcomes = [];
    private string _root = "";
    private bool _keep;

    [OneTimeSetUp]
    public async Task RunGeneratedCasesOnRealPostfix()
    {
        var keep = Environment.GetEnvironmentVariable("POSTFIXLINT_DIFF_KEEP");
        _keep = !string.IsNullOrEmpty(keep);
        _root = _keep ? Path.GetFullPath(keep!) : Path.Combine(Path.GetTempPath(), "pfl-diff-" + Guid.NewGuid().ToString("N")[..8]);
        var cases = ConfigurationGenerator.GenerateMany(FirstSeed, Cases);
        var wall = Stopwatch.StartNew();
        var replay = Environment.GetEnvironmentVariable("POSTFIXLINT_DIFF_REPLAY");
        _outcomes = string.IsNullOrEmpty(replay)
            ? await DifferentialRunner.RunRealAsync(cases, _root, parallelism: 2)
            : await DifferentialRunner.RunRecordedAsync(cases, Path.GetFullPath(replay), parallelism: 2);
        TestContext.Progress.WriteLine("[differential] real Postfix: " + DifferentialRunner.TimingReport(_outcomes, wall.Elapsed));
    }

    [OneTimeTearDown]
    public void DeleteScenarioDirectories()
    {
        if (!_keep && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public void Generator_gives_the_same_case_for_the_same_seed()
    {
        var first = ConfigurationGenerator.Generate(42);
        var second = ConfigurationGenerator.Generate(42);

        second.Scenario.MainCf.Should().Be(first.Scenario.MainCf);
        second.Scenario.Probes.Should().Equal(first.Scenario.Probes);
        ConfigurationGenerator.Generate(43).Scenario.MainCf.Should().NotBe(first.Scenario.MainCf);
    }

    [Test]
    public void Real_Postfix_answers_every_generated_probe()
    {
        var problems = _outcomes
            .SelectMany(o => o.Real.Where(r => r.Decision == ProbeDecision.Error && !IsConfigurationError(r)).Select(r => $"{o.Case.Scenario.Name} probe {r.Probe.Id}: {r.Error}"))
            .Concat(_outcomes.Where(o => !o.Overridden.IsEmpty).Select(o => $"{o.Case.Scenario.Name}: instance overrode {string.Join("; ", o.Overridden)}"))
            .ToList();

        problems.Should().BeEmpty("every probe must get an SMTP answer, or smtpd/postfix must refuse the configuration; anything else is a harness or generator bug");
        _outcomes.Sum(o => o.Real.Length).Should().BeGreaterThanOrEqualTo(Cases * 10);
        var decisions = _outcomes.SelectMany(o => o.Real).GroupBy(r => r.Decision).ToDictionary(g => g.Key, g => g.Count());
        TestContext.Out.WriteLine("decisions: " + string.Join(", ", decisions.Select(d => $"{d.Key} {d.Value}")));
        decisions.Keys.Should().Contain([ProbeDecision.Accept, ProbeDecision.Defer, ProbeDecision.Reject], "the generator must exercise every outcome");
    }

    [Test]
    public void Simulator_is_wired_into_the_differential_suite()
    {
        if (SimulatorBinding.Simulate is null)
        {
            Assert.Fail(
                "!!! SIMULATOR NOT WIRED: Simulation/SimulatorBinding.Simulate is null, so the differential suite compares nothing. "
                + "Wire RelaySimulator in there (scenario directory + probes → results).");
        }
    }

    [Test]
    public void Simulator_gives_the_real_replies_on_every_generated_case()
    {
        var simulate = SimulatorBinding.Simulate;
        if (simulate is null)
        {
            Assert.Fail("!!! SIMULATOR NOT WIRED: nothing to compare with real Postfix (see Simulator_is_wired_into_the_differential_suite).");
            return;
        }

        var failures = new List<string>();
        var compact = new System.Text.StringBuilder();
        var differingProbes = 0;
        var wall = Stopwatch.StartNew();
        foreach (var outcome in _outcomes)
        {
            var simulated = simulate(outcome.Directory, outcome.Case.Scenario.Probes);
            var differences = DifferentialRunner.Compare(outcome, simulated);
            if (!differences.IsEmpty)
            {
                failures.Add(DifferentialRunner.Describe(outcome, differences));
                var lines = DifferentialRunner.Compact(outcome, simulated);
                differingProbes += lines.Count(c => c == '\n');
                compact.Append(lines);
            }
        }

        var probes = _outcomes.Sum(o => o.Real.Length);
        TestContext.Progress.WriteLine($"[differential] simulator: {_outcomes.Length - failures.Count} of {_outcomes.Length} cases and "
                                       + $"{probes - differingProbes} of {probes} probes match real Postfix ({wall.Elapsed.TotalSeconds:F1} s)");
        if (failures.Count > 0)
        {
            // Every difference, one line each, then the full report of every differing case.
            TestContext.Progress.WriteLine("[differential] differing probes:\n" + compact);
            TestContext.Out.WriteLine(string.Join("\n", failures));
        }

        // The message carries every differing probe, one line each, so a plain (non-verbose) run shows them all.
        failures.Count.Should().Be(0, $"the simulator must reply exactly like real Postfix ({failures.Count} of {_outcomes.Length} cases and {differingProbes} of {probes} probes differ):\n{compact}");
    }

    private static bool IsConfigurationError(ProbeResult result) =>
        result.Error?.StartsWith("smtpd cannot run with this configuration: ", StringComparison.Ordinal) == true
        || result.Error?.StartsWith("postfix cannot start with this configuration: ", StringComparison.Ordinal) == true;
}
