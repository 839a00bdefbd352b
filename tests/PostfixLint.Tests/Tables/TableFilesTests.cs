using System.Text;
using PostfixLint.Model.Tables;
using PostfixLint.Simulation;
using PostfixLint.Syntax;

namespace PostfixLint.Tests.Tables;

public sealed class TableFilesTests
{
    [Test]
    public void The_readers_of_one_run_share_a_source_and_the_table_joins_continuation_lines_in_a_private_copy()
    {
        using var support = new TableTestSupport();
        var text = new StringBuilder("first@example.com one\n  continued\n");
        for (var i = 0; i < 40_000; i++)
        {
            // Over 1 MiB, so the file is mapped; every 1000th line continues the previous one.
            text.Append(i % 1000 == 999 ? $"  more{i}\n" : $"key{i}@example.com value{i}\n");
        }

        var path = support.Write("big", text.ToString());
        var files = new TableFiles();
        var shared = files.Open(path);
        var before = shared.Span.ToArray();
        before.Length.Should().BeGreaterThan(1 << 20);

        var table = IndexedTable.LoadFile("hash:big", "big", path, files: files);
        var scan = PostmapSource.Scan(files.Open(path), "big", utf8: true);

        files.Open(path).Should().BeSameAs(shared);
        shared.Span.SequenceEqual(before).Should().BeTrue("shared bytes are never written");
        table.GetEntries().Should().BeEquivalentTo(IndexedTable.LoadFile("hash:big", "big", path).GetEntries());
        table.Lookup("first@example.com").Should().Be(TableLookup.Found("one  continued", "big", 1));
        scan.EntryCount.Should().Be(PostmapSource.Scan(path, "big", utf8: true).EntryCount);
        new TableSourceLines(shared).LineSpan(2).Should().Be(new TextSpan(22, 11), "the trace reads the lines as written");
    }

    [TestCase("a@example.com one\nB@Example.com two\n# comment\n\n   \nb@example.COM three\r\nx:y colon inside\nA@EXAMPLE.COM four", true)]
    [TestCase("k v\r\nk2 v2\r\nK v3\r\n", true)]
    [TestCase("", true)]
    [TestCase("k v\nkey: aliases style\nk w\n", false)]
    [TestCase("k v\n  continued\nk w\n", false)]
    [TestCase("\"quoted key\" v\nk w\nk x\n", false)]
    [TestCase("caf\u00c3\u00a9 utf8\nk w\n", false)]
    [TestCase("novalue\nk w\n", false)]
    public void A_table_built_from_the_runs_scan_answers_exactly_like_one_loaded_on_its_own(string text, bool reused)
    {
        using var support = new TableTestSupport();
        var path = support.Write("t", text);
        var files = new TableFiles();

        var scan = files.Scan(path, "t", utf8: true);
        var table = IndexedTable.LoadFile("hash:t", "t", path, files: files);
        var alone = IndexedTable.LoadFile("hash:t", "t", path);

        (scan.EntryIndex is not null).Should().Be(reused);
        table.Count.Should().Be(alone.Count);
        (table.DuplicateLine, table.DuplicateKey).Should().Be((alone.DuplicateLine, alone.DuplicateKey));
        table.GetEntries().Should().BeEquivalentTo(alone.GetEntries());
        foreach (var (key, _, _) in alone.GetEntries())
        {
            table.Lookup(key.ToUpperInvariant()).Should().Be(alone.Lookup(key.ToUpperInvariant()));
        }

        table.Lookup("missing").Should().Be(TableLookup.NotFound);
    }

    [Test]
    public void An_unreadable_source_fails_every_reader_alike()
    {
        var files = new TableFiles();
        var missing = Path.Combine(Path.GetTempPath(), "pfl-missing-" + Guid.NewGuid().ToString("N"));

        FluentActions.Invoking(() => files.Open(missing)).Should().Throw<IOException>();
        FluentActions.Invoking(() => files.Open(missing)).Should().Throw<IOException>();
    }

    [TestCase("")]
    [TestCase("a b\n")]
    [TestCase("a b")]
    [TestCase("a b\r\nc d\r\n\r\n")]
    [TestCase("a b\rc\nd e\n\n# comment\n  indented\n")]
    [TestCase("\n\n\n")]
    public void Table_line_spans_are_the_lines_of_the_text_as_read(string text)
    {
        AssertSpansMatch(text);
    }

    [Test]
    public void Table_line_spans_are_right_far_from_the_sparse_line_starts()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            text.Append(i % 7 == 0 ? "\n" : i % 5 == 0 ? $"k{i} v\r\n" : $"key{i} value{new string('x', i % 13)}\n");
        }

        AssertSpansMatch(text.ToString());
        AssertSpansMatch(text.ToString().TrimEnd('\n'));
    }

    // What TableSet did before it kept only sparse line starts: the file as Latin-1 text, a LineIndex, the line up to \r or \n.
    private static void AssertSpansMatch(string text)
    {
        var lines = new TableSourceLines(new TableBytes(Encoding.Latin1.GetBytes(text)));
        var index = new LineIndex(text);
        lines.LineCount.Should().Be(index.LineCount);
        for (var line = -1; line <= index.LineCount + 2; line++)
        {
            TextSpan? expected = null;
            if (line >= 1 && line <= index.LineCount)
            {
                var start = index.GetLineStart(line);
                var end = text.AsSpan(start).IndexOfAny('\r', '\n');
                expected = new TextSpan(start, end < 0 ? text.Length - start : end);
            }

            lines.LineSpan(line).Should().Be(expected, $"line {line}");
        }
    }
}
