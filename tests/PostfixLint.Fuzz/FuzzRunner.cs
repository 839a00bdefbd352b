using System.Diagnostics;
using System.Security.Cryptography;

namespace PostfixLint.Fuzz;

/// <summary>Runs mutated seeds through the targets and keeps score: inputs per target, the worst time and allocation, failures.</summary>
internal sealed class FuzzRunner
{
    private readonly List<(string Target, byte[] Seed)> _seeds;
    private readonly TimeSpan _hangAfter;

    /// <summary>Creates a runner over seed files (each fed to the targets its name suggests).</summary>
    public FuzzRunner(IEnumerable<string> seedFiles, TimeSpan hangAfter)
    {
        _hangAfter = hangAfter;
        _seeds = [.. seedFiles.SelectMany(path => FuzzTargets.TargetsFor(Path.GetFileName(path)).Select(t => (t, File.ReadAllBytes(path))))];
        foreach (var target in FuzzTargets.All.Keys.Where(t => !_seeds.Any(s => s.Target == t)))
        {
            _seeds.Add((target, [])); // every target gets at least the empty seed
        }
    }

    /// <summary>The counts and the worst cases so far.</summary>
    public FuzzReport Report { get; } = new();

    /// <summary>Runs <paramref name="inputs"/> mutated inputs from seed <paramref name="seed"/>; stops early at a hang.</summary>
    public void Run(long inputs, int seed, string? failureDirectory = null, Action<FuzzReport>? progress = null)
    {
        var mutator = new Mutator(seed);
        var random = new Random(seed);
        for (long i = 0; i < inputs; i++)
        {
            var (target, original) = _seeds[random.Next(_seeds.Count)];
            var input = i % 16 == 0 ? original : mutator.Mutate(original);
            if (!RunOne(target, input, failureDirectory))
            {
                return;
            }

            if (i % 1000 == 999)
            {
                progress?.Invoke(Report);
            }
        }
    }

    private bool RunOne(string target, byte[] input, string? failureDirectory)
    {
        string? failure = null;
        long allocated = 0;
        var watch = Stopwatch.StartNew();
        var worker = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                FuzzTargets.All[target](input);
            }
            catch (Exception exception)
            {
                failure = $"{exception.GetType().Name}: {exception.Message}";
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }, 16 << 20) { IsBackground = true };
        worker.Start();
        var finished = worker.Join(_hangAfter);
        watch.Stop();
        Report.Count(target, watch.Elapsed, allocated, input.Length);
        if (!finished)
        {
            failure = $"hang: no answer after {_hangAfter.TotalSeconds} s";
        }

        if (failure is not null)
        {
            var name = $"{target}-{Convert.ToHexString(SHA256.HashData(input))[..16].ToLowerInvariant()}";
            Report.Failures.Add($"{name}: {failure}");
            if (failureDirectory is not null)
            {
                Directory.CreateDirectory(failureDirectory);
                File.WriteAllBytes(Path.Combine(failureDirectory, name), input);
            }
        }

        return finished;
    }
}
