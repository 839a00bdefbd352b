namespace PostfixLint.Fuzz;

/// <summary>
/// <c>dotnet run --project tests/PostfixLint.Fuzz -c Release -- [--inputs N] [--seed S] [--hang-after SECONDS] [--out DIR]</c>:
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
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--inputs": inputs = long.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--hang-after": hangAfter = double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--out": output = args[i + 1]; break;
                default: Console.Error.WriteLine($"postfix-lint-fuzz: unknown option {args[i]}"); return 2;
            }
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

        runner.Run(inputs, seed, Path.Combine(output, "failures"), report => Write(report));
        var report = Write(runner.Report);
        Console.Write(report);
        return runner.Report.Failures.Count == 0 ? 0 : 1;
    }
}
