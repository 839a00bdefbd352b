using System.Text;
using PostfixLint.IntegrationTests.Support;

namespace PostfixLint.IntegrationTests;

/// <summary>Every real (non-template) main.cf of the shared corpus: the library must print what postconf prints.</summary>
public sealed class CorpusDifferentialTests
{
    private const string CorpusMissing = "(corpus not found)";

    /// <summary>One case per real main.cf; a single placeholder case when the corpus is absent, so the test can say so loudly.</summary>
    public static IEnumerable<TestCaseData> RealMainCfFiles()
    {
        if (Corpus.Root is not { } root)
        {
            yield return new TestCaseData(CorpusMissing).SetName("Corpus_is_missing");
            yield break;
        }

        foreach (var file in Corpus.MainCfFiles(root).Where(f => f.IsReal))
        {
            yield return new TestCaseData(file.RelativePath).SetArgDisplayNames(file.RelativePath);
        }
    }

    [TestCaseSource(nameof(RealMainCfFiles))]
    public async Task Library_prints_what_postconf_prints_for_corpus_main_cf(string relativePath)
    {
        var root = Corpus.RequireRoot();
        relativePath.Should().NotBe(CorpusMissing);
        var file = Corpus.MainCfFiles(root).Single(f => f.RelativePath == relativePath);
        var masterCf = file.MasterCfPath is null ? [] : await File.ReadAllBytesAsync(file.MasterCfPath);
        using var directory = TempConfigDirectory.Create(await File.ReadAllBytesAsync(file.FullPath), masterCf);

        await Differential.AssertSameAsync(
            directory,
            $"{relativePath} with {(file.MasterCfPath is null ? "an empty master.cf" : Path.GetFileName(file.MasterCfPath))}",
            [.. Differential.Standard]);
    }

    [Test]
    public void Classifies_corpus_main_cf_files_as_real_or_template()
    {
        var files = Corpus.MainCfFiles(Corpus.RequireRoot());
        var table = new StringBuilder();
        foreach (var file in files)
        {
            var master = file.MasterCfPath is null ? "empty master.cf" : Path.GetFileName(file.MasterCfPath);
            table.Append(file.IsReal ? $"  real      {file.RelativePath}  (+ {master})\n" : $"  template  {file.RelativePath}  ({file.TemplateReason})\n");
        }

        TestContext.Out.WriteLine($"corpus main.cf files: {files.Count(f => f.IsReal)} real, {files.Count(f => !f.IsReal)} templates\n{table}");

        files.Should().Contain(f => f.IsReal).And.Contain(f => !f.IsReal);
        files.Where(f => f.RelativePath.EndsWith(".j2", StringComparison.Ordinal) || f.RelativePath.EndsWith(".erb", StringComparison.Ordinal))
            .Should().OnlyContain(f => !f.IsReal, "Jinja and ERB templates are not Postfix syntax");
    }
}
