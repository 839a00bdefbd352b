using PostfixLint.Analysis.Relay;

namespace PostfixLint.Tests.Analysis.Relay;

[TestFixture]
public sealed class PolicyEvaluationTests
{
    private const string SeedMain = """
        mynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128
        smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
        """;

    [Test]
    public void A_may_relay_client_outside_mynetworks_is_a_violation_with_the_reply_and_the_deciding_restriction()
    {
        var policy = RelayPolicyReader.Read("""{ "policy": { "mayRelay": [ { "client": "192.168.1.100" } ] } }""").Policy;

        var evaluation = RelayFixture.Analyzer(SeedMain, policy: policy).EvaluatePolicy();

        var violation = evaluation.Violations.Should().ContainSingle().Subject;
        violation.Kind.Should().Be(PolicyIntentKind.MayRelay);
        violation.Result.RcptReply.Should().Be("554 5.7.1 <relaytest@example.net>: Relay access denied");
        violation.Deciding!.Restriction.Should().Be("reject_unauth_destination");
        violation.Message.Should().StartWith("192.168.1.100 may not relay on smtp: 554 5.7.1 <relaytest@example.net>: Relay access denied (reject_unauth_destination in smtpd_relay_restrictions (");
        violation.Position.Should().Be(new PolicyPosition(1, 29));
        evaluation.ProbeCount.Should().Be(1);
    }

    [Test]
    public void A_may_relay_client_in_mynetworks_keeps_the_policy()
    {
        var policy = RelayPolicyReader.Read("""{ "mayRelay": [ { "client": "127.0.0.0/8" } ], "mustNotRelay": [ { "client": "0.0.0.0/0" } ] }""").Policy;

        RelayFixture.Analyzer(SeedMain, policy: policy).EvaluatePolicy().Violations.Should().BeEmpty();
    }

    [Test]
    public void A_must_not_relay_range_that_relays_is_a_violation()
    {
        var policy = RelayPolicyReader.Read("""{ "mayRelay": [ { "client": "10.1.0.0/16" } ], "mustNotRelay": [ { "client": "10.0.0.0/8" } ] }""").Policy;

        var evaluation = RelayFixture.Analyzer(SeedMain.Replace("[::1]/128", "[::1]/128 10.0.0.0/8", StringComparison.Ordinal), policy: policy).EvaluatePolicy();

        evaluation.Violations.Should().NotBeEmpty().And.OnlyContain(v => v.Kind == PolicyIntentKind.MustNotRelay);
        evaluation.Violations.Should().NotContain(v => v.ClientClass!.Contains(System.Net.IPAddress.Parse("10.1.2.3")));
        evaluation.Violations[0].Message.Should().Contain("must not relay on smtp but does: 250");
    }

    [Test]
    public void A_client_the_listener_cannot_reach_says_so()
    {
        var policy = RelayPolicyReader.Read("""{ "mayRelay": [ { "client": "192.168.1.100" } ] }""").Policy;

        var evaluation = RelayFixture.Analyzer(SeedMain.Replace("[::1]/128", "[::1]/128 192.168.1.0/24", StringComparison.Ordinal) + "\ninet_interfaces = loopback-only", policy: policy)
            .EvaluatePolicy();

        var violation = evaluation.Violations.Should().ContainSingle().Subject;
        violation.Unreachable.Should().BeTrue();
        violation.Message.Should().Contain("cannot get a session").And.Contain("loopback only");
    }

    [Test]
    public void A_sender_the_login_map_gives_to_another_login_is_a_violation()
    {
        var policy = RelayPolicyReader.Read("""
            { "senders": [ { "saslLogin": "alice", "may": ["app@example.com"], "mayNot": ["ceo@example.com"] } ] }
            """).Policy;
        const string main = """
            mynetworks = 127.0.0.0/8
            smtpd_sasl_auth_enable = yes
            smtpd_sender_login_maps = hash:/etc/postfix/sender_login
            smtpd_sender_restrictions = reject_sender_login_mismatch
            smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
            """;

        var evaluation = RelayFixture.Analyzer(main, files: new Dictionary<string, string>
        {
            ["sender_login"] = "app@example.com bob\nceo@example.com alice\n",
        }, policy: policy).EvaluatePolicy();

        evaluation.Violations.Select(v => v.Kind).Should().Equal(PolicyIntentKind.SenderMay, PolicyIntentKind.SenderMayNot);
        evaluation.Violations[0].Message.Should().StartWith("alice may not use MAIL FROM:<app@example.com> on smtp: 553 5.7.1 <app@example.com>: Sender address rejected: not owned by user alice");
        evaluation.Violations[0].Deciding!.Restriction.Should().Be("reject_sender_login_mismatch");
        evaluation.Violations[1].Message.Should().StartWith("alice may use MAIL FROM:<ceo@example.com> on smtp: 250");
    }
}
