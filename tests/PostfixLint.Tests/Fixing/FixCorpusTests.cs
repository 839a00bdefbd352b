using System.Diagnostics;
using PostfixLint.Fixing;
using PostfixLint.Tests.Analysis;
using PostfixLint.Tests.Support;

namespace PostfixLint.Tests.Fixing;

/// <summary>Every fix on every real main.cf of the corpus: it settles, adds no finding, and a second run has nothing left to do.</summary>
public sealed class FixCorpusTests
{
    [Test]
    public void Fixing_every_corpus_main_cf_settles_without_adding_findings()
    {
        var problems = new List<string>();
        var planned = 0;
        var changed = 0;
        var stopwatch = new Stopwatch();
        foreach (var file in Corpus.Files().Where(f => Path.GetFileName(f).EndsWith("main.cf", StringComparison.Ordinal)))
        {
            var directory = Directory.CreateTempSubdirectory("pfl-fix-corpus-").FullName;
            try
            {
                File.Copy(file, Path.Combine(directory, "main.cf"));
                var (config, options) = EngineLinter.Load(directory);
                stopwatch.Start();
                var plan = FixApplier.Plan(config, new FixOptions { Lint = options, UnsafeFixes = true });
                stopwatch.Stop();
                planned++;
                changed += plan.Files.IsEmpty ? 0 : 1;
                var corpusName = Path.GetRelativePath(Corpus.Directory, file);
                problems.AddRange(plan.Problems.Select(p => $"{corpusName}: {p}"));
                foreach (var change in plan.Files)
                {
                    File.WriteAllText(change.Path, change.NewText, System.Text.Encoding.Latin1);
                }

                var (again, againOptions) = EngineLinter.Load(directory);
                var second = FixApplier.Plan(again, new FixOptions { Lint = againOptions, UnsafeFixes = true });
                if (!second.Files.IsEmpty)
                {
                    problems.Add($"{corpusName}: a second fix run still changes {string.Join(", ", second.Applied.Select(a => a.RuleId + " " + a.Title))}");
                }
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        TestContext.Out.WriteLine($"fix planned for {planned} corpus main.cf files ({changed} changed) in {stopwatch.Elapsed.TotalSeconds:0.00} s");
        foreach (var problem in problems)
        {
            TestContext.Out.WriteLine(problem);
        }

        problems.Should().BeEmpty();
    }
}
