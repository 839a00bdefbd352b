using PostfixLint.Model.Tables;

namespace PostfixLint.Tests.Tables;

public sealed class TableLookupTests
{
    private static string? Value(ILookupTable table, string key)
    {
        var result = table.Lookup(key);
        return result.Status == TableLookupStatus.Found ? result.Value : null;
    }

    [Test]
    public void Indexed_tables_fold_keys_and_keep_the_first_duplicate()
    {
        using var support = new TableTestSupport();
        support.Write("access", "User@Example.COM  OK\nuser@example.com REJECT\n# c\nlong first\n  second\n");
        var table = support.Factory().Open($"hash:{support.Directory}/access");
        table.Contents.Should().Be(TableContents.Known);
        table.Lookup("USER@example.com").Should().Be(TableLookup.Found("OK", $"{support.Directory}/access", 1));
        Value(table, "long").Should().Be("first  second");
        Value(table, "nothing").Should().BeNull();
    }

    [Test]
    public void Texthash_with_a_duplicate_key_is_unavailable()
    {
        using var support = new TableTestSupport();
        support.Write("t", "a 1\nA 2\n");
        var table = support.Factory().Open($"texthash:{support.Directory}/t");
        table.Contents.Should().Be(TableContents.Unavailable);
        table.UnavailableReason.Should().Be($"texthash:{support.Directory}/t is unavailable. {support.Directory}/t, line 2: duplicate entry: \"A\"");
        table.Lookup("a").Status.Should().Be(TableLookupStatus.Error);
    }

    [TestCase("hash", ".db")]
    [TestCase("lmdb", ".lmdb")]
    [TestCase("cdb", ".cdb")]
    public void A_missing_source_gives_smtpds_unavailable_text(string type, string suffix)
    {
        using var support = new TableTestSupport();
        var table = support.Factory().Open($"{type}:/nonexistent/x");
        table.UnavailableReason.Should().Be($"{type}:/nonexistent/x is unavailable. open database /nonexistent/x{suffix}: No such file or directory");
    }

    [Test]
    public void Cidr_takes_the_first_match_and_honours_if_endif_and_negation()
    {
        using var support = new TableTestSupport();
        support.Write("c", "172.16.0.0/21 first\n172.16.0.0/16 second\nif !1.2.3.4/30\n1.2.3.3 outside\nendif\n"
                           + "if 1.2.3.4/30\n1.2.3.8 never\n1.2.3.5 inside\nendif\n2001:db8::/32 six\n! ! 0.0.0.0/0 any4\n");
        var table = support.Factory().Open($"cidr:{support.Directory}/c");
        table.IsFixedKey.Should().BeFalse();
        Value(table, "172.16.7.255").Should().Be("first");
        Value(table, "172.16.8.1").Should().Be("second");
        Value(table, "1.2.3.3").Should().Be("outside");
        Value(table, "1.2.3.5").Should().Be("inside");
        Value(table, "2001:db8::1").Should().Be("six");
        Value(table, "9.9.9.9").Should().Be("any4");
        Value(table, "::1").Should().BeNull();
        Value(table, "not-an-address").Should().BeNull();
    }

    [Test]
    public void Regexp_substitutes_groups_and_skips_false_if_blocks()
    {
        using var support = new TableTestSupport();
        support.Write("r", "if /^bar/\n/(.*)@(.*)/ in-bar $2 $$1\nendif\n/^(f)(o)?o$/ got ${1}-$2-\n/ALL/i caseful\n/^x$/ literal $$\n");
        var table = support.Factory().Open($"regexp:{support.Directory}/r");
        Value(table, "bar@example.com").Should().Be("in-bar example.com $1");
        Value(table, "foo@example.com").Should().BeNull();
        Value(table, "FOO").Should().Be("got F-O-");
        Value(table, "all").Should().BeNull();
        Value(table, "x").Should().Be("literal $");
    }

    [Test]
    public void Pcre_is_case_insensitive_by_default_and_keeps_trailing_text_of_the_result()
    {
        using var support = new TableTestSupport();
        support.Write("p", "/^Subject:\\s+(\\w+)/ REJECT $1 \n!/^a/ not-a\n");
        var table = support.Factory().Open($"pcre:{support.Directory}/p");
        Value(table, "subject: Hello").Should().Be("REJECT Hello ");
        Value(table, "bcd").Should().Be("not-a");
        Value(table, "abc").Should().BeNull();
    }

    [Test]
    public void Inline_static_union_and_pipe_behave_as_postfix()
    {
        using var support = new TableTestSupport();
        var factory = support.Factory();
        var inline = factory.Open("inline:{ Foo=one, {bar = two words}, foo=three }");
        Value(inline, "FOO").Should().Be("three");
        Value(inline, "bar").Should().Be("two words");
        factory.Open("inline:{}").Contents.Should().Be(TableContents.Unavailable);
        Value(factory.Open("static:{ a b }"), "anything").Should().Be("a b");
        Value(factory.Open("static:OK"), "x").Should().Be("OK");
        var union = factory.Open("unionmap:{inline:{a=1}, static:2, inline:{b=3}}");
        Value(union, "a").Should().Be("1,2");
        var pipe = factory.Open("pipemap:{inline:{a=b}, inline:{b=c}}");
        Value(pipe, "a").Should().Be("c");
        Value(pipe, "b").Should().BeNull();
        factory.Open("unionmap:{static}").Contents.Should().Be(TableContents.Unavailable);
    }

    [Test]
    public void External_tables_are_unknown_and_proxy_reads_through()
    {
        using var support = new TableTestSupport();
        var passwd = support.Write("passwd", "root:x:0:0:root:/root:/bin/bash\nbob:x:1000:1000:Bob:/home/bob:/bin/sh\n");
        var factory = support.Factory(new LookupTableOptions { PasswdFile = passwd });
        factory.Open("mysql:/etc/postfix/m.cf").Contents.Should().Be(TableContents.Unknown);
        factory.Open("ldap:/etc/postfix/l.cf").Lookup("x").Status.Should().Be(TableLookupStatus.Unknown);
        Value(factory.Open("proxy:unix:passwd.byname"), "Bob").Should().Be("bob:x:1000:1000:Bob:/home/bob:/bin/sh");
        factory.Open("fail:x").Lookup("a").Status.Should().Be(TableLookupStatus.Error);
        support.Factory(new LookupTableOptions { PasswdFile = null }).Open("unix:passwd.byname").Contents.Should().Be(TableContents.Unknown);
        factory.Open("nonsense").Contents.Should().Be(TableContents.Unavailable);
        factory.Open("dbm:/x").UnavailableReason.Should().Be("dbm:/x is unavailable. unsupported dictionary type: dbm");
    }

    [Test]
    public void Inline_cidr_and_regexp_tables_read_their_rules_from_braces()
    {
        using var support = new TableTestSupport();
        var factory = support.Factory();
        Value(factory.Open("cidr:{ {10.0.0.0/8 ten}, {0.0.0.0/0 any} }"), "10.1.1.1").Should().Be("ten");
        Value(factory.Open("regexp:{ {/^a/ A}, {/b/ B} }"), "xb").Should().Be("B");
    }
}
