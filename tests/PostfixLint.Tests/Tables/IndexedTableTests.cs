using System.Text;
using PostfixLint.Model.Tables;

namespace PostfixLint.Tests.Tables;

public sealed class IndexedTableTests
{
    // Lines that leave the fast path: continuations across comments, quotes, escapes, NUL, non-ASCII, CRLF, no value.
    private const string TrickyLines =
        "Mixed@Example.COM  OK \r\n"
        + "mixed@example.com second\n"
        + "long first\n# comment inside\n\n  second\n\tthird\n"
        + "\"quoted key\" quoted value\n"
        + "back\\ slash escaped\n"
        + "nul\0hidden value\n"
        + "nulvalue before\0after\n"
        + "Straße latin1 is not UTF-8\n"
        + "Stra\u00c3\u009fe utf8 key\n"
        + "novalue\n"
        + "novalue2   \n"
        + "\"unbalanced quote\n"
        + "  joined-to-the-unbalanced-line\n";

    [Test]
    public void A_mapped_source_answers_exactly_like_the_same_bytes_in_memory_and_stays_unchanged()
    {
        using var support = new TableTestSupport();
        var text = new StringBuilder(TrickyLines);
        for (var i = 0; i < 40_000; i++)
        {
            // Over 1 MiB, so LoadFile maps the file; every 1000th line continues the previous one.
            text.Append(i % 1000 == 999 ? $"  more{i}\n" : $"Key{i}@Domain{i % 97}.example value{i}, other{i}\n");
        }

        var path = support.Write("big", text.ToString());
        var before = File.ReadAllBytes(path);
        before.Length.Should().BeGreaterThan(1 << 20);

        var mapped = IndexedTable.LoadFile("hash:big", "big", path);
        var inMemory = IndexedTable.Load("hash:big", "big", File.ReadAllBytes(path));

        File.ReadAllBytes(path).Should().Equal(before, "joining continuation lines writes to a private copy only");
        mapped.Count.Should().Be(inMemory.Count);
        mapped.GetEntries().Should().BeEquivalentTo(inMemory.GetEntries());
        (mapped.DuplicateLine, mapped.DuplicateKey).Should().Be((2, "mixed@example.com"));
        (inMemory.DuplicateLine, inMemory.DuplicateKey).Should().Be((2, "mixed@example.com"));
        foreach (var table in new[] { mapped, inMemory })
        {
            table.Lookup("MIXED@example.com").Should().Be(TableLookup.Found("OK", "big", 1));
            table.Lookup("long").Should().Be(TableLookup.Found("first  second\tthird", "big", 3));
            table.Lookup("\"QUOTED key\"").Value.Should().Be("quoted value");
            table.Lookup("back\\ slash").Value.Should().Be("escaped");
            table.Lookup("nul").Status.Should().Be(TableLookupStatus.NotFound, "the line ends at the NUL, leaving no value");
            table.Lookup("nulvalue").Value.Should().Be("before");
            table.Lookup("straße").Status.Should().Be(TableLookupStatus.NotFound, "smtputf8_enable ignores lines that are not UTF-8");
            table.Lookup("stra\u00c3\u009fe").Should().Be(TableLookup.Found("utf8 key", "big", 13));
            table.Lookup("novalue").Status.Should().Be(TableLookupStatus.NotFound);
            table.Lookup("novalue2").Status.Should().Be(TableLookupStatus.NotFound);
            table.Lookup("key998@domain28.example").Value.Should().Be("value998, other998  more999");
            table.Lookup("key39000@domain6.example").Should().Be(
                TableLookup.Found("value39000, other39000", "big", 39000 + TrickyLines.Count(c => c == '\n') + 1));
        }
    }

    [Test]
    public void The_first_duplicate_in_input_order_is_reported_whatever_the_hash_order()
    {
        var text = new StringBuilder();
        for (var i = 1; i <= 200; i++)
        {
            text.Append(i switch
            {
                50 => "ZZ w\n",
                100 => "K1 w\n",
                150 => "z\u00c3\u00bc w\n",
                _ => $"k{i} v{i}\n",
            });

            if (i == 3)
            {
                text.Append("zz v\nz\u00c3\u00bc v\n");
            }
        }

        var table = IndexedTable.Load("hash:t", "t", Encoding.Latin1.GetBytes(text.ToString()));

        (table.DuplicateLine, table.DuplicateKey).Should().Be((52, "ZZ"));
        table.Lookup("zz").Should().Be(TableLookup.Found("v", "t", 4));
        table.Lookup("k1").Should().Be(TableLookup.Found("v1", "t", 1));
        table.Count.Should().Be(200 - 3 + 2);
    }

    [Test]
    public void Every_key_of_a_large_table_is_found_on_its_line_including_keys_whose_hashes_collide()
    {
        const int count = 200_000;
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append($"k{i}.EXAMPLE v{i}\n");
        }

        // With 2 * 10^5 keys a 32-bit hash collides a few times: make sure this input exercises the collision path.
        var hashes = new HashSet<uint>();
        var collisions = Enumerable.Range(0, count).Count(i => !hashes.Add(ByteKeyIndex.Hash(Encoding.ASCII.GetBytes($"k{i}.example"))));
        collisions.Should().BePositive();

        var table = IndexedTable.Load("hash:t", "t", Encoding.Latin1.GetBytes(text.ToString()));

        table.Count.Should().Be(count);
        table.DuplicateLine.Should().Be(0);
        for (var i = 0; i < count; i++)
        {
            var hit = table.Lookup($"K{i}.example");
            if (hit.Status != TableLookupStatus.Found || hit.Value != $"v{i}" || hit.Line != i + 1)
            {
                Assert.Fail($"k{i}.example: {hit}");
            }
        }

        table.Lookup($"k{count}.example").Status.Should().Be(TableLookupStatus.NotFound);
    }

    [Test]
    public void Hash_folds_ascii_case_only()
    {
        ByteKeyIndex.Hash("User@Example.COM.with.a.long.tail"u8).Should().Be(ByteKeyIndex.Hash("user@example.com.with.a.long.tail"u8));
        ByteKeyIndex.Hash("AZ[`@"u8).Should().Be(ByteKeyIndex.Hash("az[`@"u8));
        ByteKeyIndex.Hash("[@"u8).Should().NotBe(ByteKeyIndex.Hash("{`"u8), "only A-Z fold, not the bytes next to them");
        ByteKeyIndex.Hash("a"u8).Should().NotBe(ByteKeyIndex.Hash("b"u8));
    }
}
