using PostfixLint.Syntax;
using PostfixLint.Syntax.Tables;
using PostfixLint.Diagnostics;

namespace PostfixLint.Tests.Tables;

public sealed class TableSyntaxTests
{
    [TestCase(TableSourceFormat.Postmap, "a b\r\n  continued\n#c\n\n  \nx\ty  \n\"q k\" v\nbad\n")]
    [TestCase(TableSourceFormat.Aliases, "postmaster: root\n# x\nroot: \"|/bin/cmd\", you@example.com\nbad line\n")]
    [TestCase(TableSourceFormat.Cidr, "10.0.0.0/8 OK\nif 1.2.0.0/16\n1.2.3.4 REJECT\nendif\n1.2.3.4/33 bad\n")]
    [TestCase(TableSourceFormat.Regexp, "/^a(.*)$/ OK $1\nif !/x/\n/y/i DUNNO\nendif\n/unclosed REJECT\n")]
    [TestCase(TableSourceFormat.Pcre, "/^a(.*)$/ OK ${1}\n  /leading/ x\n/b/Z x\n\u00EF\u00BB\u00BF")]
    public void Round_trips_every_byte(TableSourceFormat format, string text)
    {
        var syntax = LookupTableSyntax.Parse(text, format, "t");
        syntax.Document.ToFullString().Should().Be(text);
        var position = 0;
        foreach (var token in syntax.Document.Tokens)
        {
            token.Span.Start.Should().Be(position);
            position = token.Span.End;
        }

        position.Should().Be(text.Length);
    }

    [Test]
    public void Postmap_key_ends_at_first_unquoted_whitespace_and_keeps_its_quotes()
    {
        var syntax = LookupTableSyntax.Parse("\"john doe\"@example.com   OK  \nk\\ ey v\n", TableSourceFormat.Postmap, "t");
        syntax.Entries.Select(e => (e.Key, e.Value)).Should().Equal(("\"john doe\"@example.com", "OK"), ("k\\ ey", "v"));
        syntax.Entries[0].KeySpan.Should().Be(new TextSpan(0, 22));
    }

    [Test]
    public void Postmap_joins_continuation_lines_across_comments()
    {
        var syntax = LookupTableSyntax.Parse("key first\n# note\n  second\nnext v\n", TableSourceFormat.Postmap, "t");
        syntax.Entries[0].Value.Should().Be("first  second");
        syntax.Entries[0].Line.Should().Be(1);
        syntax.Entries[1].Line.Should().Be(4);
    }

    [Test]
    public void Postmap_reports_missing_value_unbalanced_quote_alias_format_and_duplicates()
    {
        var syntax = LookupTableSyntax.Parse("lonely\n\"open v\nname: value\nA x\na y\n", TableSourceFormat.Postmap, "/etc/postfix/t");
        syntax.Diagnostics.Select(d => d.Message).Should().Equal(
            "/etc/postfix/t, line 1: expected format: key whitespace value",
            "/etc/postfix/t, line 2: unbalanced '\"' in '\"open v' -- ignoring this line",
            "/etc/postfix/t, line 3: record is in \"key: value\" format; is this an alias file?",
            "/etc/postfix/t, line 5: duplicate entry: \"a\"");
    }

    [Test]
    public void Aliases_need_a_local_name_and_a_value()
    {
        var syntax = LookupTableSyntax.Parse("a@b: c\nnovalue:\nx: y,z\n", TableSourceFormat.Aliases, "aliases");
        syntax.Diagnostics.Select(d => d.Message).Should().Equal(
            "aliases, line 1: name must be local", "aliases, line 2: need name:value pair");
        syntax.Entries.Where(e => e.Kind == TableEntryKind.Entry).Select(e => (e.Key, e.Value)).Should().Equal(("x", "y, z"));
    }

    [Test]
    public void Cidr_reports_dict_cidr_messages()
    {
        const string text = "172.16.1.3/21 x\n172.16.1.3/33 x\n172.999.0.0/21 x\n172.16.1.999 x\n172.16.1.4\n[1234 x\n"
                            + "[1234]junk x\n1.2.3.4/3x x\nendif\nif 1.2.0.0/16\nif !\n!\n";
        var syntax = LookupTableSyntax.Parse(text, TableSourceFormat.Cidr, "c");
        syntax.Diagnostics.Select(d => d.Message).Should().Equal(
            "cidr map c, line 1: non-null host address bits in \"172.16.1.3/21\", perhaps you should use \"172.16.0.0/21\" instead: skipping this rule",
            "cidr map c, line 2: bad mask length in \"172.16.1.3/33\": skipping this rule",
            "cidr map c, line 3: bad network value in \"172.999.0.0/21\": skipping this rule",
            "cidr map c, line 4: bad address pattern: \"172.16.1.999\": skipping this rule",
            "cidr map c, line 5: no lookup result: skipping this rule",
            "cidr map c, line 6: missing ']' character after \"[1234\": skipping this rule",
            "cidr map c, line 7: garbage after \"[1234]\": skipping this rule",
            "cidr map c, line 8: bad mask value in \"1.2.3.4/3x\": skipping this rule",
            "cidr map c, line 9: ENDIF without IF: skipping this rule",
            "cidr map c, line 11: no address pattern: skipping this rule",
            "cidr map c, line 12: no address pattern: skipping this rule",
            "cidr map c, line 10: IF has no matching ENDIF");
    }

    [Test]
    public void Regexp_reports_dict_regexp_messages()
    {
        const string text = "/a\n/a/q x\nendif\n/(a)/ $2\n!/(a)/ $1\n/a/ $x\n/a/\nfoo\nif /a/ junk\nendif\n";
        var syntax = LookupTableSyntax.Parse(text, TableSourceFormat.Regexp, "r");
        syntax.Diagnostics.Select(d => d.Message).Should().Equal(
            "regexp map r, line 1: no closing regexp delimiter \"/\": skipping this rule",
            "regexp map r, line 2: unknown regexp option \"q\": skipping this rule",
            "regexp map r, line 3: ignoring ENDIF without matching IF",
            "regexp map r, line 4: out of range replacement index \"2\": skipping this rule",
            "regexp map r, line 5: $number found in negative match replacement text: skipping this rule",
            "regexp map r, line 6: non-numeric replacement index \"x\"",
            "regexp map r, line 6: bad replacement syntax: skipping this rule",
            "regexp map r, line 7: no replacement text: using empty string",
            "regexp map r, line 8: ignoring unrecognized request",
            "regexp map r, line 9: ignoring extra text after IF statement: \"junk\"",
            "regexp map r, line 9: do not prepend whitespace to statements between IF and ENDIF");
    }

    [Test]
    public void Pcre_knows_its_own_flags_and_wording()
    {
        var syntax = LookupTableSyntax.Parse("/a/imsxAEU x\n/a/q x\n/a x\n", TableSourceFormat.Pcre, "p");
        syntax.Entries[0].Pattern!.Flags.Should().Be("imsxAEU");
        syntax.Diagnostics.Select(d => d.Message).Should().Equal(
            "pcre map p, line 2: unknown regexp option \"q\": skipping this rule",
            "pcre map p, line 3: no closing regexp delimiter \"/\": ignoring this rule");
    }
}
