using PostfixLint.TestSupport;
using System.Text;
using PostfixLint.IntegrationTests.Support;
using PostfixLint.Model;
using PostfixLint.Model.Tables;
using PostfixLint.Syntax;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.IntegrationTests.Tables;

/// <summary>Our table lookups against real <c>postmap -q</c> on generated and corpus tables: values must be identical.</summary>
public sealed class TableDifferentialTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "pfl-tdiff-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        var mainCf = Path.Combine(_dir, "main.cf");
        SourceFile.Write(mainCf, "compatibility_level = 3.6\n");
        ConfigFiles.BackDate(mainCf);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static (string Text, List<string> Keys) GenerateFixedKeyTable(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        var keys = new List<string>();
        string[] words = ["alice", "Bob", "CAROL", "dave", "example.com", "@example.org", "x+tag", "\"quoted name\"", "a\\ b"];
        for (var i = 0; i < 200; i++)
        {
            var key = words[random.Next(words.Length)] + (random.Next(3) == 0 ? "" : i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                      + (random.Next(2) == 0 ? "@example.com" : "");
            keys.Add(key);
            keys.Add(key.ToUpperInvariant());
            var value = random.Next(5) switch
            {
                0 => "OK",
                1 => "REJECT go away  ",
                2 => "user1, user2",
                3 => "first\n    continued",
                _ => "x\ty",
            };
            text.Append(random.Next(10) == 0 ? "# comment\n" : "");
            text.Append(key).Append(random.Next(2) == 0 ? "\t" : "   ").Append(value).Append(random.Next(8) == 0 ? "\r\n" : "\n");
            if (random.Next(15) == 0)
            {
                text.Append(key).Append(" duplicate\n");
            }
        }

        text.Append("lonely\n\"unbalanced x\nalias: format\n");
        keys.AddRange(["lonely", "alias:", "missing", "\"unbalanced"]);
        return (text.ToString(), keys);
    }

    [TestCase("hash", 1)]
    [TestCase("btree", 2)]
    [TestCase("lmdb", 3)]
    [TestCase("cdb", 4)]
    public async Task Indexed_tables_answer_like_postmap(string type, int seed)
    {
        var (text, keys) = GenerateFixedKeyTable(seed);
        var file = Path.Combine(_dir, "map");
        SourceFile.Write(file, text);
        var build = await Postmap.RunAsync(RealPostfix.Postmap, _dir, null, $"{type}:{file}");
        build.ExitCode.Should().Be(0, build.StandardError);
        await CompareAsync($"{type}:{file}", keys);
    }

    [Test]
    public async Task Texthash_answers_like_postmap_without_duplicates()
    {
        var file = Path.Combine(_dir, "th");
        SourceFile.Write(file, "Key1 v1\n\"Q k\" v 2\nkey3 multi\n  line\n");
        await CompareAsync($"texthash:{file}", ["key1", "KEY1", "\"q k\"", "key3", "nope"]);
    }

    [Test]
    public async Task Aliases_answer_like_postalias()
    {
        var file = Path.Combine(_dir, "aliases");
        SourceFile.Write(file, "postmaster: root\nRoot: bob,  carol\nlist: a , b,c\ncmd: \"|/bin/true\"\n");
        var program = RealPostfix.Postmap.Replace("postmap", "postalias", StringComparison.Ordinal);
        var build = await Postmap.RunAsync(program, _dir, null, $"hash:{file}");
        build.ExitCode.Should().Be(0, build.StandardError);
        string[] keys = ["postmaster", "root", "ROOT", "list", "cmd", "none"];
        var real = await Postmap.QueryAsync(_dir, $"hash:{file}", keys, alias: true);
        var syntax = LookupTableSyntax.Parse(SourceFile.Read(file), TableSourceFormat.Aliases, file);
        var ours = syntax.Entries.Where(e => e.Kind == TableEntryKind.Entry)
            .GroupBy(e => e.Key.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Last().Value);
        foreach (var key in keys)
        {
            ours.GetValueOrDefault(key.ToLowerInvariant()).Should().Be(real.GetValueOrDefault(key), key);
        }
    }

    [Test]
    public async Task Regexp_takes_the_longest_match_like_postmap_and_reports_alternatives_that_change_n_as_ambiguous()
    {
        // POSIX regexec() (glibc) is leftmost-longest; .NET takes the first alternative that matches.
        var file = Path.Combine(_dir, "alt.regexp");
        SourceFile.Write(file, "/^(a|ab)(c|bcd)(d*)$/ $1-$2-$3\n/^x(y|yz)/ got $1\n/^(.+)@(example|test)\\.com$/ user $1 in $2\n/^(foo|bar)=(.*)$/ $2\n");
        string[] keys = ["abcd", "xyz", "alice@example.com", "bob@test.com", "foo=1", "bar=", "none"];
        var real = await Postmap.QueryAsync(_dir, $"regexp:{file}", keys);
        var table = new LookupTableFactory(PostfixConfig.Load(_dir)).Open($"regexp:{file}");
        TestContext.Out.WriteLine(string.Join("\n", keys.Select(k => $"{k}: postmap {real.GetValueOrDefault(k) ?? "(none)"}; ours {table.Lookup(k)}")));

        Assert.Multiple(() =>
        {
            foreach (var key in keys)
            {
                var ours = table.Lookup(key);
                if (ours.Status == TableLookupStatus.Unknown)
                {
                    // Reported as ambiguous: only where the engines really pick differently.
                    ours.Reason.Should().Contain("is ambiguous", key);
                    key.Should().Be("abcd", "only alternatives that fill the groups differently within the match are ambiguous");
                }
                else
                {
                    (ours.Status == TableLookupStatus.Found ? ours.Value : null).Should().Be(real.GetValueOrDefault(key), key);
                }
            }
        });
        table.Lookup("abcd").Status.Should().Be(TableLookupStatus.Unknown, $"postmap answers {real.GetValueOrDefault("abcd")}, .NET's first alternative a-bcd-");
        table.Lookup("xyz").Value.Should().Be("got yz", "glibc takes the longest match at the leftmost start, not .NET's first alternative y");
    }

    [Test]
    public async Task Cidr_tables_answer_like_postmap()
    {
        var file = Path.Combine(_dir, "c.cidr");
        SourceFile.Write(file, "172.16.0.0/21 a\n172.16.0.0/16 b\nif !1.2.3.4/30\n1.2.3.3 c\nendif\nif 1.2.3.4/30\n1.2.3.5 d\nendif\n"
                               + "2001:db8::/32 six\n172.16.1.3/21 bad\n[::1] loop\n! ! 0.0.0.0/0 any\nif 9.0.0.0/8\n");
        var keys = new List<string> { "172.16.7.255", "172.16.8.1", "1.2.3.3", "1.2.3.5", "1.2.3.8", "2001:db8::5", "::1", "9.1.1.1", "8.8.8.8", "bogus", "[::1]" };
        await CompareAsync($"cidr:{file}", keys, compareWarnings: true);
    }

    [TestCase("regexp")]
    [TestCase("pcre")]
    public async Task Regexp_and_pcre_tables_answer_like_postmap(string type)
    {
        var file = Path.Combine(_dir, "r");
        SourceFile.Write(file, "if /^bar/\n/(.*)@(.*)/ in-bar $2 $$1\nendif\n/^(f)(o)?o$/ got ${1}-$2-\n/ALL/i case\n/^x$/ literal $$\n"
                               + "/^Subject:.*(viagra|cialis)/ REJECT spam $1\n!/@/ no-at\n/[[:digit:]]+/ digits\n");
        string[] keys = ["bar@example.com", "foo@example.com", "FOO", "all", "ALL", "x", "Subject: buy VIAGRA now", "nodomain", "a@b1", "a@b"];
        await CompareAsync($"{type}:{file}", keys);
    }

    [Test]
    public async Task Corpus_tables_answer_like_postmap()
    {
        var root = Corpus.RequireRoot();

        var compared = 0;
        foreach (var file in Directory.GetFiles(root!, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = SourceFile.Read(file);
            var format = CorpusTableClassifier.Classify(file, text);
            if (format is null or TableSourceFormat.Aliases || text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal))
            {
                continue;
            }

            var copy = Path.Combine(_dir, "corpus-" + Path.GetFileName(file));
            File.Copy(file, copy);
            var syntax = LookupTableSyntax.Parse(text, format.Value, copy);
            var keys = syntax.Entries.Where(e => e.Kind == TableEntryKind.Entry).SelectMany(e => new[] { e.Key, e.Key.ToUpperInvariant() })
                .Concat(["Subject: test", "Received: from localhost", "127.0.0.1", "10.1.2.3", "::1", "user@example.com", "X-Mailer: foo"])
                .Where(k => k.Length > 0 && !k.Contains('\n', StringComparison.Ordinal)).Distinct().ToList();
            string spec;
            if (format == TableSourceFormat.Postmap)
            {
                var build = await Postmap.RunAsync(RealPostfix.Postmap, _dir, null, $"lmdb:{copy}");
                if (build.ExitCode != 0)
                {
                    continue;
                }

                spec = $"lmdb:{copy}";
            }
            else
            {
                spec = (format == TableSourceFormat.Cidr ? "cidr:" : format == TableSourceFormat.Pcre ? "pcre:" : "regexp:") + copy;
            }

            if (await Postmap.TryQueryAsync(_dir, spec, ["probe"]) is null)
            {
                TestContext.Out.WriteLine($"postmap cannot read {file}; skipped");
                continue;
            }

            await CompareAsync(spec, keys, because: file);
            compared++;
        }

        TestContext.Out.WriteLine($"compared {compared} corpus tables");
        compared.Should().BeGreaterThan(20);
    }

    private async Task CompareAsync(string spec, IReadOnlyCollection<string> keys, bool compareWarnings = false, string? because = null)
    {
        var real = await Postmap.QueryAsync(_dir, spec, keys);
        var factory = new LookupTableFactory(PostfixConfig.Load(_dir));
        var table = factory.Open(spec);
        table.Contents.Should().Be(TableContents.Known, table.UnavailableReason);
        Assert.Multiple(() =>
        {
            foreach (var key in keys)
            {
                var ours = table.Lookup(key);
                var expected = real.GetValueOrDefault(key);
                (ours.Status == TableLookupStatus.Found ? ours.Value : null).Should().Be(expected, $"{because ?? spec}: key \"{key}\"");
            }
        });

        if (compareWarnings)
        {
            var colon = spec.IndexOf(':', StringComparison.Ordinal);
            var format = spec[..colon] switch { "cidr" => TableSourceFormat.Cidr, "pcre" => TableSourceFormat.Pcre, _ => TableSourceFormat.Regexp };
            var syntax = LookupTableSyntax.Parse(SourceFile.Read(spec[(colon + 1)..]), format, spec[(colon + 1)..]);
            var result = await Postmap.RunAsync(RealPostfix.Postmap, _dir, null, "-q", "nothing", spec);
            Postmap.Warnings(result).Should().Equal(syntax.Diagnostics.Select(d => d.Message));
        }
    }
}
