using System.Diagnostics;
using System.Security.Cryptography;

namespace PostfixLint.Fuzz;

/// <summary>Runs mutated seeds through the targets and keeps score: inputs per target, the worst time and allocation, failures.</summary>
internal sealed class FuzzRunner
{
    private const int Tries = 3;

    private readonly List<(string Target, byte[] Seed)> _seeds;
    private readonly TimeSpan _hangAfter;

    /// <summary>Creates a runner over seed files (each fed to the targets its name suggests).</summary>
    /// <param name="seedFiles">The seed files.</param>
    /// <param name="hangAfter">How long an input may run before it is a hang (which ends the run).</param>
    /// <param name="bounds">What one input may cost; over it is a failure. Defaults to <see cref="FuzzBounds.Campaign"/>.</param>
    public FuzzRunner(IEnumerable<string> seedFiles, TimeSpan hangAfter, FuzzBounds? bounds = null)
    {
        _hangAfter = hangAfter;
        _seeds = [.. seedFiles.SelectMany(path => FuzzTargets.TargetsFor(Path.GetFileName(path)).Select(t => (t, File.ReadAllBytes(path))))];
        foreach (var target in FuzzTargets.All.Keys.Where(t => !_seeds.Any(s => s.Target == t)))
        {
            _seeds.Add((target, [])); // every target gets at least the empty seed
        }

        Report = new FuzzReport(bounds ?? FuzzBounds.Campaign);
    }

    /// <summary>The counts and the worst cases so far.</summary>
    public FuzzReport Report { get; }

    /// <summary>
    /// Runs <paramref name="inputs"/> mutated inputs from seed <paramref name="seed"/>; stops early at a hang. With an
    /// <paramref name="outputDirectory"/>, failing inputs are saved in its <c>failures/</c> and the worst ones in <c>worst/</c>.
    /// </summary>
    public void Run(long inputs, int seed, string? outputDirectory = null, Action<FuzzReport>? progress = null)
    {
        var mutator = new Mutator(seed);
        var random = new Random(seed);
        for (long i = 0; i < inputs; i++)
        {
            var (target, original) = _seeds[random.Next(_seeds.Count)];
            var input = i % 16 == 0 ? original : mutator.Mutate(original);
            if (!RunOne(target, input, outputDirectory))
            {
                return;
            }

            if (i % 1000 == 999)
            {
                progress?.Invoke(Report);
            }
        }
    }

    /// <summary>Runs one input through one target (as the campaign does) and reports what it cost.</summary>
    public (TimeSpan Time, long Allocated, string? Failure, bool Finished) Measure(string target, byte[] input)
    {
        string? failure = null;
        long allocated = 0;
        var cpu = TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        var worker = new Thread(() =>
        {
            // Everything the target does runs on this thread, so this counts all it allocates and the CPU it uses.
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = ThreadCpuTime.Now();
            try
            {
                FuzzTargets.All[target](input);
            }
            catch (Exception exception)
            {
                failure = $"{exception.GetType().Name}: {exception.Message}";
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            cpu = ThreadCpuTime.Now() - cpuBefore;
        }, 16 << 20) { IsBackground = true };
        worker.Start();
        var finished = worker.Join(_hangAfter);
        watch.Stop();

        // The input's time is the CPU its thread used (what the input costs, however busy the machine), or the wall
        // clock where the platform cannot tell.
        var time = cpu > TimeSpan.Zero ? cpu : watch.Elapsed;
        return (time, allocated, finished ? failure : $"hang: no answer after {_hangAfter.TotalSeconds} s", finished);
    }

    private bool RunOne(string target, byte[] input, string? outputDirectory)
    {
        var name = $"{target}-{Convert.ToHexString(SHA256.HashData(input))[..16].ToLowerInvariant()}";

        // What only the process sees: a stack overflow ends it without a word from the target. The input being run is
        // on disk until it returns, so such an input is left in in-flight/ for --replay (and the run exits non-zero).
        var inFlight = outputDirectory is null ? null : Path.Combine(outputDirectory, "in-flight");
        if (inFlight is not null)
        {
            Save(inFlight, name, input);
        }

        var (time, allocated, failure, finished) = Measure(target, input);
        for (var i = 1; finished && failure is null && time > Report.Bounds.MaxTime && i < Tries; i++)
        {
            // Over the time bound: the best of three, so a GC pause or a busy core does not count against the input.
            var again = Measure(target, input);
            (time, failure, finished) = (again.Time < time ? again.Time : time, again.Failure, again.Finished);
        }

        if (failure is null && time > Report.Bounds.MaxTime)
        {
            failure = $"over the bound: {time.TotalMilliseconds:F0} ms (best of {Tries}), at most {Report.Bounds.MaxTime.TotalMilliseconds:F0} ms";
        }
        else if (failure is null && allocated > Report.Bounds.MaxAllocatedBytes)
        {
            failure = $"over the bound: {allocated >> 20} MiB allocated, at most {Report.Bounds.MaxAllocatedBytes >> 20} MiB";
        }

        var worst = Report.Count(target, new FuzzReport.Measured(name, time, allocated, input.Length));
        if (worst && outputDirectory is not null)
        {
            Save(Path.Combine(outputDirectory, "worst"), name, input);
        }

        if (failure is not null)
        {
            Report.Failures.Add($"{name}: {failure}");
            if (outputDirectory is not null)
            {
                Save(Path.Combine(outputDirectory, "failures"), name, input);
            }
        }

        if (inFlight is not null && finished)
        {
            File.Delete(Path.Combine(inFlight, name));
        }

        return finished;
    }

    private static void Save(string directory, string name, byte[] input)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, name), input);
    }
}
