using BenchmarkDotNet.Attributes;
using PostfixLint.Cli.Reporting;
using PostfixLint.Model;
using PostfixLint.Simulation;

namespace PostfixLint.Benchmarks;

/// <summary>
/// The simulator in batch mode over every recorded fixture of <c>testdata/simulation/</c> (in-process). The same-run
/// comparison with real Postfix via XCLIENT is scripts/bench-simulate.sh (it needs the private-instance harness of the
/// integration tests); this class is for profiling the simulator itself.
/// </summary>
[MemoryDiagnoser]
public class SimulatorBenchmarks
{
    private readonly List<(string Directory, List<Probe> Probes)> _fixtures = [];
    private readonly List<(RelaySimulator Simulator, List<Probe> Probes)> _loaded = [];
    private readonly SimulatorOptions _options = new() { ServerAddress = "127.0.0.1" };

    /// <summary>Reads the fixtures' probes and loads one simulator per fixture.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var root = Path.Combine(BenchmarkPaths.RepositoryRoot, "testdata", "simulation");
        foreach (var directory in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var probes = File.ReadLines(Path.Combine(directory, "probes.jsonl"))
                .Where(l => l.Trim().Length > 0)
                .Select(l => ProbeJson.Parse(l, out _)!)
                .ToList();
            _fixtures.Add((directory, probes));
            _loaded.Add((new RelaySimulator(PostfixConfig.Load(directory), _options), probes));
        }
    }

    /// <summary>Probes per invocation (for the per-probe cost: mean / this).</summary>
    public int ProbeCount => _fixtures.Sum(f => f.Probes.Count);

    /// <summary>Every fixture's probes on already-loaded simulators: the per-probe cost of batch mode.</summary>
    [Benchmark(Baseline = true)]
    public int SimulateWarm()
    {
        var decisions = 0;
        foreach (var (simulator, probes) in _loaded)
        {
            foreach (var probe in probes)
            {
                decisions += (int)simulator.Simulate(probe).Decision;
            }
        }

        return decisions;
    }

    /// <summary>Load each fixture's configuration, then simulate its probes: what one <c>simulate --probes</c> run does.</summary>
    [Benchmark]
    public int LoadAndSimulate()
    {
        var decisions = 0;
        foreach (var (directory, probes) in _fixtures)
        {
            var simulator = new RelaySimulator(PostfixConfig.Load(directory), _options);
            foreach (var probe in probes)
            {
                decisions += (int)simulator.Simulate(probe).Decision;
            }
        }

        return decisions;
    }
}
