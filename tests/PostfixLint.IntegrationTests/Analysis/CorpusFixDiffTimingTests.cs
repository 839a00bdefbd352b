using System.Diagnostics;
using System.Globalization;
using PostfixLint.Fixing;
using PostfixLint.Model;
using PostfixLint.Testing;
using PostfixLint.Tests.Cli;

namespace PostfixLint.IntegrationTests.Analysis;

/// <summary>
/// <c>fix --diff</c> and <c>diff OLD NEW</c> over every main.cf of the corpus (with its repository's master.cf when there is
/// one): old is the corpus configuration, new is it after <c>fix --write --unsafe-fixes</c>. Neither crashes, the fixes
/// settle (a second plan has nothing to do and reports no problem), and the time of each command per configuration and
/// in total is reported, not asserted (issue 8, "the fix/diff times on the corpus").
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CorpusFixDiffTimingTests
{
    [Test]
    public void Fix_diff_and_diff_run_on_every_corpus_config_and_the_fixes_settle()
    {
        TestCorpus.Require();
        var files = TestCorpus.Files()
            .Where(f => Path.GetFileName(f).EndsWith("main.cf", StringComparison.Ordinal) || Path.GetFileName(f).EndsWith("main.cf.erb", StringComparison.Ordinal)
                        || Path.GetFileName(f).EndsWith("main.cf.j2", StringComparison.Ordinal) || Path.GetFileName(f).EndsWith("main.cf.proto", StringComparison.Ordinal))
            .ToList();
        files.Should().NotBeEmpty();

        // One warm-up run outside the numbers: the first CLI run pays for JIT and the catalog load.
        Time(["check", "-c", "/nonexistent-pfl-warmup"]);

        var problems = new List<string>();
        var rows = new List<(string Name, double FixDiff, double Diff, int FixExit, int DiffExit, int Changes)>();
        foreach (var mainCf in files)
        {
            var name = Path.GetRelativePath(TestCorpus.ExpectedPath, mainCf);
            var old = ConfigFiles.CreateTemporaryDirectory("pfl-corpus-fix-old");
            var @new = ConfigFiles.CreateTemporaryDirectory("pfl-corpus-fix-new");
            try
            {
                foreach (var directory in new[] { old, @new })
                {
                    ConfigFiles.Copy(mainCf, Path.Combine(directory, "main.cf"));
                    var master = Directory.GetFiles(Path.GetDirectoryName(mainCf)!)
                        .Where(f => Path.GetFileName(f).Contains("master.cf", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();
                    if (master is not null)
                    {
                        ConfigFiles.Copy(master, Path.Combine(directory, "master.cf"));
                    }
                }

                var (fixDiff, fixDiffMs) = Time(["fix", "-c", old, "--root", old, "--unsafe-fixes", "--diff"]);
                var write = CliRun.Of(["fix", "-c", @new, "--root", @new, "--unsafe-fixes", "--write"]);
                var (diff, diffMs) = Time(["diff", old, @new, "--root", @new]);
                foreach (var (verb, run) in new[] { ("fix --diff", fixDiff), ("fix --write", write), ("diff", diff) })
                {
                    if (run.ExitCode is not (0 or 1 or 2) || run.Error.Contains("Unhandled", StringComparison.Ordinal) || run.Error.Contains("internal error", StringComparison.OrdinalIgnoreCase))
                    {
                        problems.Add($"{name}: {verb} exited {run.ExitCode}: {run.Error.Trim()}");
                    }
                }

                var config = PostfixConfig.Load(@new, new ConfigLoadOptions { Root = @new });
                if (config.IsUsable)
                {
                    var again = FixApplier.Plan(config, new FixOptions { UnsafeFixes = true });
                    if (!again.Files.IsEmpty || !again.Problems.IsEmpty)
                    {
                        problems.Add($"{name}: the fixes do not settle: a second plan changes {string.Join("; ", again.Applied.Select(a => a.RuleId + " " + a.Title))}"
                                     + $" {string.Join("; ", again.Problems)}");
                    }
                }

                var changes = diff.Out.Split('\n').Count(l => l.Contains(" -> ", StringComparison.Ordinal));
                rows.Add((name, fixDiffMs, diffMs, fixDiff.ExitCode, diff.ExitCode, changes));
            }
            finally
            {
                Directory.Delete(old, recursive: true);
                Directory.Delete(@new, recursive: true);
            }
        }

        var report = new System.Text.StringBuilder();
        report.AppendLine("config\tfix --diff ms\tdiff ms\tfix exit\tdiff exit\tchanged classes");
        foreach (var row in rows)
        {
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{row.Name}\t{row.FixDiff:F0}\t{row.Diff:F0}\t{row.FixExit}\t{row.DiffExit}\t{row.Changes}"));
        }

        var fixTimes = rows.Select(r => r.FixDiff).Order().ToList();
        var diffTimes = rows.Select(r => r.Diff).Order().ToList();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Count} configs ({rows.Count(r => r.FixExit == 1)} with something to fix, {rows.Count(r => r.DiffExit == 1)} where diff says relaying opens): "
            + $"fix --diff total {fixTimes.Sum() / 1000:F1} s (median {Median(fixTimes):F0} ms, max {fixTimes.Max():F0} ms); "
            + $"diff total {diffTimes.Sum() / 1000:F1} s (median {Median(diffTimes):F0} ms, max {diffTimes.Max():F0} ms)"));
        TestContext.Out.WriteLine(report.ToString());
        TestContext.Progress.WriteLine(report.ToString().Split('\n')[^2]);
        problems.Should().BeEmpty();
    }

    private static (CliRun Run, double Milliseconds) Time(string[] args)
    {
        var stopwatch = Stopwatch.StartNew();
        var run = CliRun.Of(args);
        return (run, stopwatch.Elapsed.TotalMilliseconds);
    }

    private static double Median(List<double> sorted) => sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
}
