namespace PostfixLint.Fuzz;

/// <summary>
/// <c>dotnet run --project tests/PostfixLint.Fuzz -c Release -- [--inputs N] [--seed S] [--hang-after SECONDS] [--out DIR]</c>
/// (or <c>--replay FILE</c> for a saved input):
/// a seeded, in-process fuzz campaign over testdata/ (see README.md). Exit 0 when nothing failed, 1 otherwise.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        long inputs = 10_000;
        var seed = 1;
        var hangAfter = 10.0;
        var output = "fuzz-out";
        var replay = new List<string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--inputs": inputs = long.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--hang-after": hangAfter = double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--out": output = args[i + 1]; break;
                case "--replay": replay.Add(args[i + 1]); break;
                default: Console.Error.WriteLine($"postfix-lint-fuzz: unknown option {args[i]}"); return 2;
            }
        }

        if (replay.Count > 0)
        {
            return Replay(replay, TimeSpan.FromSeconds(hangAfter));
        }

        var runner = new FuzzRunner(SeedFiles.Find(), TimeSpan.FromSeconds(hangAfter));
        var started = DateTime.UtcNow;
        Directory.CreateDirectory(output);
        string Write(FuzzReport report)
        {
            var text = $"seed: {seed}\nelapsed: {(DateTime.UtcNow - started).TotalSeconds:F0} s\n{report}";
            File.WriteAllText(Path.Combine(output, "report.txt"), text);
            return text;
        }

        runner.Run(inputs, seed, output, report => Write(report));
        var report = Write(runner.Report);
        Console.Write(report);
        return runner.Report.Passed ? 0 : 1;
    }

    /// <summary><c>--replay FILE</c>: runs a saved input (named <c>target-hash</c>) through its target and prints what it cost.</summary>
    private static int Replay(List<string> files, TimeSpan hangAfter)
    {
        var runner = new FuzzRunner([], hangAfter);
        var failed = false;
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var target = name[..name.LastIndexOf('-')];
            var (time, allocated, failure, _) = runner.Measure(target, File.ReadAllBytes(file));
            var over = time > runner.Report.Bounds.MaxTime || allocated > runner.Report.Bounds.MaxAllocatedBytes;
            failed |= failure is not null || over;
            Console.WriteLine($"{name}: {time.TotalMilliseconds:F0} ms, {allocated >> 20} MiB{(over ? " (over the bounds)" : "")}{(failure is null ? "" : ": " + failure)}");
            if (target == "postconf+simulate+check" && failure is null)
            {
                // Where the cost goes: each phase's time and allocation (a second run, so warm).
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var before = GC.GetAllocatedBytesForCurrentThread();
                FuzzTargets.ModelSimulateCheck(File.ReadAllBytes(file), phase =>
                {
                    var now = GC.GetAllocatedBytesForCurrentThread();
                    Console.WriteLine($"  {phase}: {watch.Elapsed.TotalMilliseconds:F0} ms, {(now - before) >> 20} MiB");
                    (before, watch) = (now, System.Diagnostics.Stopwatch.StartNew());
                });
                RuleCosts(File.ReadAllBytes(file));
            }
        }

        return failed ? 1 : 0;
    }

    // Each rule run alone over the input's model (warm, after the full run): the ones that cost 10 ms or 10 MiB.
    private static void RuleCosts(byte[] input)
    {
        var config = PostfixLint.Model.PostfixConfig.FromPostconfOutput(System.Text.Encoding.Latin1.GetString(input), "postconf.txt");
        _ = config.IsUsable;
        void Cost(string what, Action action)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var before = GC.GetAllocatedBytesForCurrentThread();
            action();
            Console.WriteLine($"    {what}: {watch.Elapsed.TotalMilliseconds:F0} ms, {(GC.GetAllocatedBytesForCurrentThread() - before) >> 20} MiB");
        }

        if (Environment.GetEnvironmentVariable("FUZZ_PARAM") is { } param)
        {
            var fresh = PostfixLint.Model.PostfixConfig.FromPostconfOutput(System.Text.Encoding.Latin1.GetString(input), "postconf.txt");
            _ = fresh.IsUsable;
            var raw = fresh.GetParameter(param)!.Value;
            Cost("Expand", () => fresh.Expand(param));
            Cost("expand with recorder", () => new PostfixLint.Model.Values.MacroExpander(n => fresh.GetParameter(n)?.Value).Expand(raw, new PostfixLint.Model.Values.ExpansionRecorder()));
            Cost("RestrictionList.Parse", () => PostfixLint.Model.Values.RestrictionList.Parse(fresh.Expand(param)!, param));
            Cost("GetRestrictionList", () => fresh.GetRestrictionList(param));
        }

        Cost("no rule", () => PostfixLint.Analysis.Linter.Check(config, new PostfixLint.Analysis.LintOptions { Select = ["NONE"] }));
        foreach (var family in new[] { "PFL0", "PFL1", "PFL2", "PFL3", "PFL4", "PFL5" })
        {
            Cost(family, () => PostfixLint.Analysis.Linter.Check(config, new PostfixLint.Analysis.LintOptions { Select = [family] }));
        }

        foreach (var rule in PostfixLint.Analysis.RuleRegistry.Rules)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var before = GC.GetAllocatedBytesForCurrentThread();
            PostfixLint.Analysis.Linter.Check(config, new PostfixLint.Analysis.LintOptions { Select = [rule.Descriptor.Id] });
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (watch.ElapsedMilliseconds >= 10 || allocated >= 10 << 20)
            {
                Console.WriteLine($"    {rule.Descriptor.Id} {rule.Descriptor.Name}: {watch.Elapsed.TotalMilliseconds:F0} ms, {allocated >> 20} MiB");
            }
        }
    }
}
