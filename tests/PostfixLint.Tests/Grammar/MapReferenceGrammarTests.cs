using PostfixLint.Model.Values;
using PostfixLint.Syntax;
using PostfixLint.Syntax.Grammar;

namespace PostfixLint.Tests.Grammar;

public sealed class MapReferenceGrammarTests
{
    [TestCase("hash:/etc/postfix/access", "hash", "/etc/postfix/access", false)]
    [TestCase("inline:{ a=b, {c d}=e }", "inline", "{ a=b, {c d}=e }", true)]
    [TestCase("inline:{a}b", "inline", "{a}b", false)]
    [TestCase("inline:{a", "inline", "{a", false)]
    [TestCase("pcre:/etc/x:y", "pcre", "/etc/x:y", false)]
    public void Splits_at_the_first_colon(string text, string type, string name, bool braced)
    {
        var syntax = MapReferenceGrammar.TryParse(text)!;

        syntax.Type.Should().Be(type);
        syntax.Name.Should().Be(name);
        syntax.IsBraced.Should().Be(braced);
        syntax.NameSpan.Should().Be(new TextSpan(type.Length + 1, name.Length));
        syntax.Span.Should().Be(new TextSpan(0, text.Length));
    }

    [TestCase("nocolon")]
    [TestCase(":name")]
    [TestCase("hash:")]
    [TestCase("")]
    public void Rejects_text_that_is_not_type_colon_name(string text)
    {
        MapReferenceGrammar.TryParse(text).Should().BeNull();
        MapReference.Parse(text).Should().BeNull();
    }

    [Test]
    public void Parses_the_table_behind_a_proxy()
    {
        var syntax = MapReferenceGrammar.TryParse("proxy:ldap:/etc/postfix/ldap.cf")!;

        syntax.Inner!.Type.Should().Be("ldap");
        syntax.Inner.Name.Should().Be("/etc/postfix/ldap.cf");
        syntax.Inner.NameSpan.Should().Be(new TextSpan(11, 20));
        MapReferenceGrammar.TryParse("hash:ldap:x")!.Inner.Should().BeNull();
    }

    [Test]
    public void Keeps_the_public_map_reference_behaviour()
    {
        var map = MapReference.Parse("proxy:hash:/etc/x", 7)!;

        map.Type.Should().Be("proxy");
        map.Name.Should().Be("hash:/etc/x");
        map.Span.Should().Be(new TextSpan(7, 17));
    }
}
