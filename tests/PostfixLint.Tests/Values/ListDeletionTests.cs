using PostfixLint.Model;
using PostfixLint.Model.Catalog;
using PostfixLint.Model.Values;
using PostfixLint.Syntax;
using PostfixLint.Tests.Model;

namespace PostfixLint.Tests.Values;

public sealed class ListDeletionTests
{
    private static string Delete(string text, TextSpan span) => text.Remove(span.Start, span.Length);

    [TestCase("a, b, c", 0, "b, c")]
    [TestCase("a, b, c", 1, "a, c")]
    [TestCase("a, b, c", 2, "a, b")]
    [TestCase("a,b,c", 0, "b,c")]
    [TestCase("a,b,c", 1, "a,c")]
    [TestCase("a,b,c", 2, "a,b")]
    [TestCase("a b c", 0, "b c")]
    [TestCase("a b c", 1, "a c")]
    [TestCase("a b c", 2, "a b")]
    [TestCase("a,\n    b,\n    c", 0, "b,\n    c")]
    [TestCase("a,\n    b,\n    c", 1, "a,\n    c")]
    [TestCase("a,\n    b,\n    c", 2, "a,\n    b")]
    [TestCase("a", 0, "")]
    [TestCase("{ x, y }, b", 0, "b")]
    public void Deleting_an_element_leaves_a_list_in_the_same_style(string value, int index, string expected)
    {
        var element = PostfixList.Split(value)[index];

        Delete(value, element.DeletionSpan).Should().Be(expected);
    }

    [TestCase("warn_if_reject reject_unknown_client_hostname, check_client_access hash:x, permit", 0, "check_client_access hash:x, permit")]
    [TestCase("warn_if_reject reject_unknown_client_hostname, check_client_access hash:x, permit", 1, "warn_if_reject reject_unknown_client_hostname, permit")]
    [TestCase("permit_mynetworks check_client_access hash:x", 1, "permit_mynetworks")]
    [TestCase("check_client_access hash:x", 0, "")]
    public void Deleting_a_restriction_takes_its_prefix_and_argument(string value, int index, string expected)
    {
        var restriction = RestrictionList.Parse(value, "smtpd_client_restrictions")[index];

        Delete(value, restriction.DeletionSpan).Should().Be(expected);
    }

    [TestCase(0, "mynetworks = 10.0.0.0/8,\n    [::1]/128\n")]
    [TestCase(1, "mynetworks = 127.0.0.0/8,\n    [::1]/128\n")]
    [TestCase(2, "mynetworks = 127.0.0.0/8,\n    10.0.0.0/8\n")]
    public void Deleting_a_network_edits_main_cf_across_continuation_lines(int index, string expected)
    {
        const string text = "mynetworks = 127.0.0.0/8,\n    10.0.0.0/8,\n    [::1]/128\n";
        using var directory = ConfigDirectory.Create(text);

        var entry = PostfixConfig.Load(directory.Path, new ConfigLoadOptions { Host = FakeHost }).GetNetworkList("mynetworks")!.Value.Entries[index];

        Delete(text, entry.DeletionOrigin!.Location!.Value.Span).Should().Be(expected);
    }

    [TestCase(0, "smtpd_client_restrictions = $a, b\na = q\n")]
    [TestCase(1, "smtpd_client_restrictions = $a, b\na = p\n")]
    [TestCase(2, "smtpd_client_restrictions = $a\na = p q\n")]
    public void An_expanded_element_is_deleted_where_it_is_written(int index, string expected)
    {
        const string text = "smtpd_client_restrictions = $a, b\na = p q\n";
        using var directory = ConfigDirectory.Create(text);

        var element = PostfixConfig.Load(directory.Path, new ConfigLoadOptions { Host = FakeHost }).GetList("smtpd_client_restrictions")!.Value[index];

        Delete(text, element.DeletionOrigin!.Location!.Value.Span).Should().Be(expected);
    }

    [Test]
    public void The_only_element_of_a_referenced_value_is_deleted_alone()
    {
        const string text = "smtpd_client_restrictions = b $a\na = p\n";
        using var directory = ConfigDirectory.Create(text);

        var element = PostfixConfig.Load(directory.Path, new ConfigLoadOptions { Host = FakeHost }).GetList("smtpd_client_restrictions")!.Value[1];

        element.DeletionOrigin!.Parameter.Should().Be("a");
        Delete(text, element.DeletionOrigin.Location!.Value.Span).Should().Be("smtpd_client_restrictions = b $a\na = \n");
    }

    private static HostFacts FakeHost { get; } = new("mx", [], 1);
}
