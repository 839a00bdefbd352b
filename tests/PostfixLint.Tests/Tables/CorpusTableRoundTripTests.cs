using PostfixLint.TestSupport;
using PostfixLint.Syntax;
using PostfixLint.Syntax.Tables;
using PostfixLint.Tests.Support;

namespace PostfixLint.Tests.Tables;

public sealed class CorpusTableRoundTripTests
{
    /// <summary>Decides a corpus file's table format by name and content; null when it is not a table source.</summary>
    [Test]
    public void Every_corpus_table_round_trips_with_the_parser_for_its_kind()
    {
        var files = Corpus.Files();
        var classified = 0;
        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                var text = SourceFile.Read(file);
                var format = CorpusTableClassifier.Classify(file, text);
                TestContext.Out.WriteLine($"{format?.ToString() ?? "not-a-table",-12} {Path.GetRelativePath(Corpus.Directory, file)}");
                if (format is null)
                {
                    continue;
                }

                classified++;
                var syntax = LookupTableSyntax.Parse(text, format.Value, file);
                syntax.Document.ToFullString().Should().Be(text, file);
                var position = 0;
                foreach (var token in syntax.Document.Tokens)
                {
                    token.Span.Start.Should().Be(position, file);
                    position = token.Span.End;
                }

                position.Should().Be(text.Length, file);
            }
        });
        classified.Should().BeGreaterThan(30);
    }
}
