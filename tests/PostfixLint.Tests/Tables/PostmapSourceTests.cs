using System.Text;
using PostfixLint.Model.Tables;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Tests.Tables;

/// <summary>The streaming scan of a postmap source gives the lossless parse's warnings, spans and entries, word for word.</summary>
public sealed class PostmapSourceTests
{
    private static readonly string[] s_sources =
    [
        "",
        "a b\n",
        "  indented first\nkey value\n",
        "# comment\n\n  indented after a comment\nk v\n",
        "Mixed@Example.COM  OK \r\nmixed@example.com second\r\n",
        "long first\n# comment inside\n\n  second\n\tthird\nlong again\n",
        "\"quoted key\" quoted value\nquoted\\ key other\n\"Quoted Key\" dup\n",
        "back\\ slash escaped\nnul\0hidden value\nnulvalue before\0after\n",
        "Straße latin1 is not UTF-8\nStra\u00c3\u009fe utf8 key\nstra\u00c3\u009fe dup utf8\n",
        "novalue\nnovalue2   \n\"unbalanced quote\n  joined-to-the-unbalanced-line\n",
        "alias: value\nALIAS: again\nplain v\nplain w\nPLAIN x\n",
        "\u00ef\u00bb\u00bfbom value\nbom dup\n",
        "cont first\n  more\ncont dup\nCONT x\n",
        "fast 1\nslow\\ 2\nfast 3\n\"fast\" 4\nfast\\ 5\n",
        "last line without newline",
        "a b\r",
        "x y\n\n\n# trailing\n   \n",
        "10.0.0.0/8 OK\n/^regexp/ REJECT\n[::1]/128 OK\n",
    ];

    [Test]
    public void Warnings_spans_and_entries_match_the_lossless_parse([Values(true, false)] bool utf8)
    {
        using var support = new TableTestSupport();
        var i = 0;
        foreach (var text in s_sources)
        {
            var path = support.Write($"t{i++}", text);
            var syntax = LookupTableSyntax.Parse(text, TableSourceFormat.Postmap, "/etc/postfix/t", utf8);
            var source = PostmapSource.Scan(path, "/etc/postfix/t", utf8);

            Sorted(source.Diagnostics).Should().Equal(Sorted(syntax.Diagnostics), text);
            source.Entries().Select(Describe).Should().Equal(syntax.Entries.Select(Describe), text);
            source.EntryCount.Should().Be(syntax.Entries.Count(e => e.Kind == TableEntryKind.Entry), text);
            source.Entries('/').Select(Describe).Should().Equal(
                syntax.Entries.Where(e => e.Key.Contains('/', StringComparison.Ordinal)).Select(Describe), text);
        }
    }

    [Test]
    public void A_large_source_with_odd_lines_among_fast_ones_matches_the_lossless_parse()
    {
        using var support = new TableTestSupport();
        var text = new StringBuilder();
        for (var n = 0; n < 30_000; n++)
        {
            // Over 1 MiB (mapped); duplicates between fast and excerpt lines both ways round.
            text.Append(n % 1000 == 999 ? $"  more{n}\n" : n % 501 == 0 ? $"\"key{n % 50}@x\" quoted\n" : $"Key{n % 20_000}@Domain.example value{n}\n");
        }

        var content = text.ToString();
        var path = support.Write("big", content);
        var syntax = LookupTableSyntax.Parse(content, TableSourceFormat.Postmap, "big");
        var source = PostmapSource.Scan(path, "big", utf8: true);
        Sorted(source.Diagnostics).Should().Equal(Sorted(syntax.Diagnostics));
        source.Entries().Select(Describe).Should().Equal(syntax.Entries.Select(Describe));
        source.EntryAt(1001)!.Key.Should().Be(syntax.Entries.First(e => e.Line == 1001).Key);
        source.EntryAt(502)!.Key.Should().Be("\"key1@x\"");
        source.EntryAt(1000).Should().BeNull("line 1000 continues line 999");
    }

    [Test]
    public void After_the_filter_rejects_a_plain_name_only_the_other_lines_are_read()
    {
        using var support = new TableTestSupport();
        var path = support.Write("t", "a@x 1\nb@x 2\n10.0.0.1 OK\nc@x 3\n\"q@x\" 4\n  continued\n10.0.0.2 OK\nd@x 5\n");
        var source = PostmapSource.Scan(path, "t", utf8: true);
        var asked = new List<string>();
        var entries = source.Entries(skip: key =>
        {
            var text = Encoding.ASCII.GetString(key);
            asked.Add(text);
            return PostmapSource.IsPlainName(key) && text != "a@x";
        }).Select(e => e.Key).ToList();

        entries.Should().Equal("a@x", "10.0.0.1", "\"q@x\"", "10.0.0.2");
        asked.Should().Equal(["a@x", "b@x", "10.0.0.1", "10.0.0.2"], "c@x and d@x are never read once b@x was skipped");
    }

    // The scan reports in no particular order; the linter sorts findings by position.
    private static List<string> Sorted(IEnumerable<PostfixLint.Diagnostics.Diagnostic> diagnostics) =>
        [.. diagnostics.Select(Describe).Order(StringComparer.Ordinal)];

    private static string Describe(PostfixLint.Diagnostics.Diagnostic d) => $"{d.Id} {d.Severity} {d.Path} {d.Span} {d.Message}";

    private static string Describe(TableEntrySyntax e) =>
        $"{e.Kind} {e.Line} [{e.Key}] {e.KeySpan} [{e.Value}] {e.ValueSpan} {e.Span} {e.Negated} {e.Pattern} {e.SecondPattern}";
}
