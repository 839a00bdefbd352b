using PostfixLint.Syntax;
using PostfixLint.Tests.Support;

namespace PostfixLint.Tests.Syntax;

public sealed class CorpusRoundTripTests
{
    [Test]
    public void Every_corpus_file_round_trips_through_MainCfSyntax()
    {
        var files = Corpus.Files();
        files.Count.Should().BeGreaterThanOrEqualTo(214);
        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                var text = SourceFile.Read(file);
                var syntax = MainCfSyntax.Parse(text, file);
                TokenAssertions.AssertLossless(text, syntax.Document.Tokens, syntax.Document.ToFullString(), file);
            }
        });
    }

    [Test]
    public void Every_corpus_master_cf_round_trips_through_MasterCfSyntax()
    {
        var files = Corpus.MasterCfFiles();
        files.Should().NotBeEmpty();
        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                var text = SourceFile.Read(file);
                var syntax = MasterCfSyntax.Parse(text, file);
                TokenAssertions.AssertLossless(text, syntax.Document.Tokens, syntax.Document.ToFullString(), file);
            }
        });
    }

    [Test]
    public void SourceFile_round_trips_every_byte_value()
    {
        var bytes = Enumerable.Range(0, 256).Select(b => (byte)b).Concat(new byte[] { 0xEF, 0xBB, 0xBF, 0xC3, 0x28 }).ToArray();
        var path = Path.Combine(Path.GetTempPath(), "postfixlint-bytes-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllBytes(path, bytes);
            var text = SourceFile.Read(path);
            text.Length.Should().Be(bytes.Length);
            SourceFile.Write(path, text);
            File.ReadAllBytes(path).Should().Equal(bytes);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
