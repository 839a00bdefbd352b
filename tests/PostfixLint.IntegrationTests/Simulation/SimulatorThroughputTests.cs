using System.Diagnostics;
using System.Globalization;
using PostfixLint.IntegrationTests.Instance;
using PostfixLint.IntegrationTests.Support;
using PostfixLint.Model;
using PostfixLint.Simulation;

namespace PostfixLint.IntegrationTests.Simulation;

/// <summary>
/// Simulator throughput vs real Postfix on the same probes, same run: real Postfix answers them via XCLIENT on a private
/// instance, the simulator in batch mode (one simulator per configuration, every probe). Target: ≥ 100× more probes/s;
/// the numbers are printed (scripts/bench-simulate.sh collects them), never asserted.
/// </summary>
/// <remarks>
/// <c>POSTFIXLINT_BENCH_CASES</c> (default 4) configurations × <c>POSTFIXLINT_BENCH_PROBES</c> (default 50) probes;
/// <c>POSTFIXLINT_BENCH_DIR=DIR</c> keeps the scenario directories (for scripts/bench-simulate.sh's whole-process run).
/// Lines starting with <c>[bench]</c> are the report.
/// </remarks>
[TestFixture]
[NonParallelizable]
public sealed class SimulatorThroughputTests
{
    [Test]
    public async Task Reports_simulator_throughput_against_real_Postfix_on_the_same_probes()
    {
        var cases = ConfigurationGenerator.GenerateMany(TestEnvironment.Int("POSTFIXLINT_BENCH_SEED", 5001), TestEnvironment.Int("POSTFIXLINT_BENCH_CASES", 4), TestEnvironment.Int("POSTFIXLINT_BENCH_PROBES", 50));
        var keep = Environment.GetEnvironmentVariable("POSTFIXLINT_BENCH_DIR");
        var root = string.IsNullOrEmpty(keep) ? Path.Combine(Path.GetTempPath(), "pfl-bench-" + Guid.NewGuid().ToString("N")[..8]) : Path.GetFullPath(keep);
        try
        {
            double realMs = 0;
            var probes = 0;
            var directories = new List<(string Directory, GeneratedCase Case)>();
            var realResults = new List<ProbeResult[]>();
            foreach (var generated in cases)
            {
                var directory = Path.Combine(root, generated.Scenario.Name);
                generated.Scenario.WriteTo(directory);
                await using var instance = await PrivatePostfixInstance.StartAsync(generated.Scenario);
                var results = await instance.RunProbesAsync(generated.Scenario.Probes);
                Instance.ProbeJson.WriteResults(Path.Combine(directory, "expected.jsonl"), results);

                // Per-probe session time (connect … QUIT); SASL user creation and instance start are excluded.
                realMs += results.Sum(r => r.Milliseconds);
                probes += results.Length;
                directories.Add((directory, generated));
                realResults.Add([.. results]);
            }

            // Batch mode: load each configuration once, then simulate its probes; repeat until the timing is stable.
            var simulationProbes = directories.Select(d => d.Case.Scenario.Probes.Select(SimulatorBinding.ToSimulationProbe).ToList()).ToList();
            var options = new SimulatorOptions { ServerAddress = "127.0.0.1" };
            var load = Stopwatch.StartNew();
            var simulators = directories.Select(d => new RelaySimulator(PostfixConfig.Load(d.Directory), options)).ToList();
            var firstPass = 0;
            for (var i = 0; i < simulators.Count; i++)
            {
                foreach (var probe in simulationProbes[i])
                {
                    firstPass += simulators[i].Simulate(probe).Trace.Length;
                }
            }

            var cold = load.Elapsed;
            var rounds = 0;
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed < TimeSpan.FromSeconds(2) || rounds < 3)
            {
                for (var i = 0; i < simulators.Count; i++)
                {
                    foreach (var probe in simulationProbes[i])
                    {
                        simulators[i].Simulate(probe);
                    }
                }

                rounds++;
            }

            var warmPerSecond = probes * rounds / warm.Elapsed.TotalSeconds;
            var coldPerSecond = probes / cold.TotalSeconds;
            var realPerSecond = probes / (realMs / 1000);
            string F(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
            TestContext.Progress.WriteLine($"[bench] probes: {probes} ({cases.Length} configurations × {probes / cases.Length})");
            TestContext.Progress.WriteLine($"[bench] real Postfix 3.7.11 via XCLIENT: {F(realPerSecond)} probes/s ({realMs / probes:F2} ms per probe)");
            TestContext.Progress.WriteLine($"[bench] simulator, batch, cold (config load + first pass): {F(coldPerSecond)} probes/s ({firstPass} trace entries)");
            TestContext.Progress.WriteLine($"[bench] simulator, batch, warm ({rounds} rounds): {F(warmPerSecond)} probes/s ({1e6 / warmPerSecond:F1} µs per probe)");
            TestContext.Progress.WriteLine($"[bench] ratio simulator/real: warm {warmPerSecond / realPerSecond:F0}×, cold {coldPerSecond / realPerSecond:F0}× (target ≥ 100×)");

            // Speed is reported, not asserted (timings do not belong in assertions); what is asserted is that the
            // probes timed are answered exactly as real Postfix answered them.
            for (var i = 0; i < directories.Count; i++)
            {
                var simulated = SimulatorBinding.Simulate!(directories[i].Directory, directories[i].Case.Scenario.Probes);
                simulated.Select(r => (r.MailFromReply, r.RcptReply))
                    .Should().Equal(realResults[i].Select(r => (r.MailFromReply, r.RcptReply)), $"the benchmark probes of {directories[i].Case.Scenario.Name} must get the real replies");
            }
        }
        finally
        {
            if (string.IsNullOrEmpty(keep) && Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

}
