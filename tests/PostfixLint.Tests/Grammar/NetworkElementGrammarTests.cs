using System.Text;
using PostfixLint.Model.Values;
using PostfixLint.Syntax.Grammar;

namespace PostfixLint.Tests.Grammar;

public sealed class NetworkElementGrammarTests
{
    [TestCase("/etc/postfix/nets", "File")]
    [TestCase("cidr:/etc/postfix/nets", "Table")]
    [TestCase("inline:{ 10.0.0.0/8 }", "Table")]
    [TestCase("::1/128", "Table")]
    [TestCase("[::1]", "AddressPattern")]
    [TestCase("[::1]/128", "AddressPattern")]
    [TestCase("[2001:db8::/32]", "AddressPattern")]
    [TestCase("10.0.0.0/8", "AddressPattern")]
    [TestCase("10/8", "AddressPattern")]
    [TestCase("10.0.0.1", "Address")]
    [TestCase("[10.0.0.1]", "Address")]
    [TestCase("[10.0.0.1]]", "Hostname")]
    [TestCase("[::1]x", "Hostname")]
    [TestCase("[]", "Hostname")]
    [TestCase("example.com", "Hostname")]
    [TestCase(".example.com", "Hostname")]
    public void Tells_element_shapes_apart_like_match_list(string element, string shape)
    {
        var syntax = NetworkElementGrammar.TryParse("!!" + element)!;

        syntax.Negations.Should().Be(2);
        syntax.Shape.ToString().Should().Be(shape);
        syntax.PatternSpan.Should().Be(new PostfixLint.Syntax.TextSpan(2, element.Length));
    }

    [Test]
    public void Fails_when_only_negations_remain()
    {
        NetworkElementGrammar.TryParse("!!").Should().BeNull();
    }

    [Test]
    public void Classifies_generated_elements_like_the_match_list_rules()
    {
        // Oracle: the match_list_parse()/match_hostaddr() rules re-stated directly (the hand classifier this grammar replaced).
        const string alphabet = "0123456789.:/[]!abfxyz-_{} ";
        var random = new Random(37);
        var mismatches = new List<string>();
        for (var n = 0; n < 5000; n++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 12);
            for (var i = 0; i < length; i++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            var element = text.ToString();
            var expected = Oracle(element);
            var actual = NetworkElementGrammar.TryParse(element) is { } syntax ? (syntax.Negations, syntax.Shape, (MapReferenceSyntax?)syntax.Map is not null) : ((int, NetworkElementShape, bool)?)null;
            if (!Equals(expected, actual))
            {
                mismatches.Add($"\"{element}\": expected {expected}, got {actual}");
            }
        }

        mismatches.Should().BeEmpty();
    }

    [Test]
    public void Network_list_keeps_cidr_match_parse_texts_and_spans()
    {
        var result = NetworkList.Parse("10.0.0.0/8, !1.2.3.4/24 !!hash:/etc/x", "mynetworks");

        result.Entries.Select(e => e.Kind).Should().Equal(NetworkEntryKind.Network, NetworkEntryKind.InvalidNetwork, NetworkEntryKind.Table);
        result.Messages.Single().Message.Should().Be("mynetworks: non-null host address bits in \"1.2.3.4/24\", perhaps you should use \"1.2.3.0/24\" instead");
        result.Entries[2].Map!.Span.Should().Be(new PostfixLint.Syntax.TextSpan(26, 11));
        result.Entries[2].Span.Should().Be(new PostfixLint.Syntax.TextSpan(24, 13));
    }

    private static (int, NetworkElementShape, bool)? Oracle(string element)
    {
        var negations = 0;
        while (negations < element.Length && element[negations] == '!')
        {
            negations++;
        }

        var item = element[negations..];
        if (item.Length == 0)
        {
            return null;
        }

        if (item[0] == '/')
        {
            return (negations, NetworkElementShape.File, false);
        }

        if (item[0] != '[' && item.Contains(':'))
        {
            var colon = item.IndexOf(':');
            return (negations, NetworkElementShape.Table, colon > 0 && colon < item.Length - 1);
        }

        const string v4 = "0123456789.";
        if (item.IndexOfAny([':', '/']) >= 0 && item.All(c => (v4 + "abcdefABCDEF:[]/").Contains(c)))
        {
            return (negations, NetworkElementShape.AddressPattern, false);
        }

        var bare = item.StartsWith('[') && item.EndsWith(']') ? item[1..^1] : item;
        return bare.Length > 0 && bare.All(c => v4.Contains(c))
            ? (negations, NetworkElementShape.Address, false)
            : (negations, NetworkElementShape.Hostname, false);
    }
}
