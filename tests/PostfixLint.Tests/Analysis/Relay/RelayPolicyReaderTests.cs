using System.Net;
using PostfixLint.Analysis.Relay;

namespace PostfixLint.Tests.Analysis.Relay;

[TestFixture]
public sealed class RelayPolicyReaderTests
{
    [Test]
    public void Reads_the_policy_shape_of_the_issue_with_comments_and_trailing_commas()
    {
        const string json = """
            // .postfix-lint.json
            { "ignore": ["PFL101"],
              "policy": {
                "mayRelay":     [ { "client": "192.168.1.100", "service": "smtp" }, { "client": "10.1.0.0/16" },
                                  { "client": "198.51.100.7", "saslLogin": "alice", "service": "submission" }, ],
                /* everything else */
                "mustNotRelay": [ { "client": "0.0.0.0/0" }, { "client": "::/0" } ],
                "senders":      [ { "saslLogin": "alice", "may": ["app@example.com"], "mayNot": ["ceo@example.com"] } ],
            } }
            """;

        var result = RelayPolicyReader.Read(json);

        result.Errors.Should().BeEmpty();
        var policy = result.Policy!;
        policy.MayRelay.Select(i => (i.ClientText, i.Service, i.SaslLogin)).Should().Equal(
            ("192.168.1.100", "smtp", null), ("10.1.0.0/16", "smtp", null), ("198.51.100.7", "submission", "alice"));
        policy.MayRelay[1].Client.Should().Be(IPNetwork.Parse("10.1.0.0/16"));
        policy.MayRelay[0].Position.Should().Be(new PolicyPosition(4, 23));
        policy.MustNotRelay.Select(i => i.Client.ToString()).Should().Equal("0.0.0.0/0", "::/0");
        policy.Senders.Should().ContainSingle().Which.Should().Match<SenderIntent>(s =>
            s.SaslLogin == "alice" && s.May.SequenceEqual(new[] { "app@example.com" }) && s.MayNot.SequenceEqual(new[] { "ceo@example.com" }));
    }

    [Test]
    public void A_bare_policy_object_is_read_as_the_policy()
    {
        var result = RelayPolicyReader.Read("""{ "mayRelay": [ { "client": "[2001:db8::]/32" } ] }""");

        result.Policy!.MayRelay.Should().ContainSingle().Which.Client.Should().Be(IPNetwork.Parse("2001:db8::/32"));
    }

    [Test]
    public void A_file_without_a_policy_has_no_policy_and_no_error()
    {
        var result = RelayPolicyReader.Read("""{ "select": ["PFL1"] }""");

        result.Policy.Should().BeNull();
        result.Errors.Should().BeEmpty();
    }

    [Test]
    public void A_bad_client_is_reported_at_its_line_and_column_and_left_out()
    {
        var result = RelayPolicyReader.Read("{ \"policy\": {\n  \"mayRelay\": [ { \"client\": \"10.1.2.3/16\" }, { \"client\": \"10.0.0.1\" } ] } }");

        result.Errors.Should().ContainSingle().Which.ToString().Should().Be(
            "2:29: \"client\": \"10.1.2.3/16\" is not an IP address or a CIDR block without host bits");
        result.Policy!.MayRelay.Should().ContainSingle().Which.ClientText.Should().Be("10.0.0.1");
    }

    [Test]
    public void A_missing_client_and_a_wrong_type_are_reported()
    {
        var result = RelayPolicyReader.Read("{ \"mayRelay\": [ { \"service\": \"smtp\" } ], \"senders\": [ { \"saslLogin\": 3 } ] }");

        result.Errors.Select(e => e.Message).Should().Equal(
            "an entry of \"mayRelay\" needs a \"client\" (an IP address or CIDR block)",
            "\"saslLogin\" must be a string",
            "an entry of \"senders\" needs a \"saslLogin\"");
    }

    [Test]
    public void Broken_json_is_reported_by_line_and_column_without_the_readers_internals()
    {
        var result = RelayPolicyReader.Read("{\n  \"policy\": { \"mayRelay\": [ x ] }\n}");

        result.Policy.Should().BeNull();
        var error = result.Errors.Should().ContainSingle().Subject;
        error.Position.Should().Be(new PolicyPosition(2, 29));
        error.Message.Should().NotContain("LineNumber");
    }
}
