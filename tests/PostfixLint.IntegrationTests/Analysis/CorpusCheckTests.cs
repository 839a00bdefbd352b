using System.Diagnostics;
using PostfixLint.Analysis;
using PostfixLint.Analysis.Relay;
using PostfixLint.Model;
using PostfixLint.Testing;

namespace PostfixLint.IntegrationTests.Analysis;

/// <summary>
/// <c>check</c> over configurations nobody here wrote: every main.cf of the corpus (with its repository's master.cf
/// when there is one) is linted without a rule failing, and Debian's default configuration gives no error or warning.
/// </summary>
[TestFixture]
public sealed class CorpusCheckTests
{
    private static IEnumerable<TestCaseData> MainCfFiles() =>
        (TestCorpus.DirectoryOrNull is null ? [] : TestCorpus.Files())
            .Where(f => Path.GetFileName(f).EndsWith("main.cf", StringComparison.Ordinal) || Path.GetFileName(f).EndsWith("main.cf.erb", StringComparison.Ordinal)
                        || Path.GetFileName(f).EndsWith("main.cf.j2", StringComparison.Ordinal) || Path.GetFileName(f).EndsWith("main.cf.proto", StringComparison.Ordinal))
            .Select(f => new TestCaseData(f).SetArgDisplayNames(Path.GetRelativePath(TestCorpus.ExpectedPath, f)));

    [Test]
    public void The_corpus_has_main_cf_files() => MainCfFiles().Should().NotBeEmpty(TestCorpus.Require());

    [TestCaseSource(nameof(MainCfFiles))]
    public void Check_runs_on_a_corpus_config_without_a_rule_failing(string mainCf)
    {
        var directory = ConfigFiles.CreateTemporaryDirectory("pfl-corpus-check");
        try
        {
            ConfigFiles.Copy(mainCf, Path.Combine(directory, "main.cf"));
            var master = Directory.GetFiles(Path.GetDirectoryName(mainCf)!)
                .Where(f => Path.GetFileName(f).Contains("master.cf", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();
            if (master is not null)
            {
                ConfigFiles.Copy(master, Path.Combine(directory, "master.cf"));
            }

            var config = PostfixConfig.Load(directory, new ConfigLoadOptions { Root = directory });
            var stopwatch = Stopwatch.StartNew();
            var result = Linter.Check(config);
            var elapsed = stopwatch.Elapsed;

            result.Findings.Should().NotContain(f => f.Id == RuleRegistry.RuleFailed.Id, "no rule may fail on real input");
            var proof = new RelayAnalyzer(config).ProveNoOpenRelay();
            TestContext.Out.WriteLine($"{Path.GetRelativePath(TestCorpus.ExpectedPath, mainCf)}: {result.Findings.Length} findings "
                                      + $"({string.Join(", ", result.Findings.GroupBy(f => f.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"))}); "
                                      + $"check {elapsed.TotalMilliseconds:F0} ms; proof {proof.ProbeCount} probes");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Debian_default_config_gives_no_error_and_no_warning()
    {
        const string debianMainCf = "/usr/share/postfix/main.cf.debian";
        File.Exists(debianMainCf).Should().BeTrue($"{debianMainCf} comes with Debian's postfix package, which scripts/test.sh installs");
        var directory = ConfigFiles.CreateTemporaryDirectory("pfl-debian-check");
        try
        {
            ConfigFiles.Copy(debianMainCf, Path.Combine(directory, "main.cf"));
            ConfigFiles.Copy(RealPostfix.DefaultMasterCf, Path.Combine(directory, "master.cf"));

            var result = Linter.Check(PostfixConfig.Load(directory));

            result.Findings.Where(f => LintResult.Rank(f.Severity) >= 1).Select(f => $"{f.Id} {f.Message}").Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
