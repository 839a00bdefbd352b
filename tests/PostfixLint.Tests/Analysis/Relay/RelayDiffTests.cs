using System.Net;
using PostfixLint.Analysis.Relay;
using PostfixLint.Model;
using PostfixLint.Simulation;

namespace PostfixLint.Tests.Analysis.Relay;

[TestFixture]
public sealed class RelayDiffTests
{
    private const string Guarded = """
        mynetworks = 127.0.0.0/8 [::1]/128
        smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
        """;

    [Test]
    public void Identical_configurations_change_nothing()
    {
        var diff = Compare(Guarded, Guarded);

        diff.IsUnchanged.Should().BeTrue();
        diff.OpensRelay.Should().BeFalse();
        diff.ComparedCount.Should().BePositive();
        diff.ProbeCount.Should().Be(2 * diff.ComparedCount);
    }

    [Test]
    public void A_client_added_to_mynetworks_is_the_only_class_that_changes_and_opens_relaying()
    {
        var diff = Compare(Guarded, Guarded.Replace("[::1]/128", "[::1]/128 192.168.1.100", StringComparison.Ordinal));

        diff.OpensRelay.Should().BeTrue();
        diff.Changes.Should().OnlyContain(c => c.Client.First.Equals(IPAddress.Parse("192.168.1.100")) && c.Client.Last.Equals(IPAddress.Parse("192.168.1.100")));
        var change = diff.Changes.Should().ContainSingle(c => c.SaslLogin == null).Subject;
        change.Service.Should().Be("smtp");
        change.RecipientClass.Should().Be(AddressClass.Default);
        change.Old.Decision.Should().Be(Decision.Reject);
        change.Old.Reply.Should().StartWith("554 5.7.1 ").And.EndWith("Relay access denied");
        change.Old.Deciding!.Restriction.Should().Be("reject_unauth_destination");
        change.New.ReplyCode.Should().Be("250");
        change.New.Deciding!.Restriction.Should().Be("permit_mynetworks");
        change.New.Deciding.Source.ToString().Should().MatchRegex(@"main\.cf:\d+");
        change.OpensRelay.Should().BeTrue();
        change.Probe.Client.Should().Be("192.168.1.100");
    }

    [Test]
    public void A_boundary_only_the_old_side_draws_is_a_class_too()
    {
        var diff = Compare(Guarded.Replace("[::1]/128", "[::1]/128 192.168.1.100", StringComparison.Ordinal), Guarded);

        diff.OpensRelay.Should().BeFalse();
        var change = diff.Changes.Should().ContainSingle(c => c.SaslLogin == null).Subject;
        change.Client.ToString().Should().Be("192.168.1.100");
        change.ClosesRelay.Should().BeTrue();
        change.New.ReplyCode.Should().Be("554");
    }

    [Test]
    public void A_relay_domain_added_changes_the_recipient_class_without_opening_relaying()
    {
        var diff = Compare(Guarded, Guarded + "\nrelay_domains = partner.example");

        diff.IsUnchanged.Should().BeFalse();
        diff.OpensRelay.Should().BeFalse("a recipient the new side relays for is not a remote recipient");
        diff.Changes.Should().OnlyContain(c => c.RecipientClass == AddressClass.Relay && c.Recipient.EndsWith("partner.example", StringComparison.OrdinalIgnoreCase));
        diff.Changes.Should().Contain(c => c.SaslLogin == null && c.Client.Contains(IPAddress.Parse("8.8.8.8")) && c.Old.ReplyCode == "554" && c.New.ReplyCode == "250");
    }

    [Test]
    public void A_restriction_that_only_moved_to_another_line_is_no_change()
    {
        var diff = Compare(Guarded, "# Our networks only.\n\n" + Guarded);

        diff.IsUnchanged.Should().BeTrue();
    }

    [Test]
    public void Moving_permit_mynetworks_after_the_guard_closes_relaying_for_mynetworks()
    {
        var closed = """
            mynetworks = 127.0.0.0/8 [::1]/128
            smtpd_relay_restrictions = reject_unauth_destination, permit_mynetworks
            """;

        var diff = Compare(Guarded, closed);

        diff.OpensRelay.Should().BeFalse();
        var loopback = diff.Changes.Should().ContainSingle(c => c.SaslLogin == null && c.Client.Contains(IPAddress.Loopback)).Subject;
        loopback.Old.Deciding!.Restriction.Should().Be("permit_mynetworks");
        loopback.New.Deciding!.Restriction.Should().Be("reject_unauth_destination");
        loopback.ClosesRelay.Should().BeTrue();
        diff.Changes.Should().OnlyContain(c => c.Client.Contains(IPAddress.Loopback) || c.Client.Contains(IPAddress.IPv6Loopback));
    }

    [Test]
    public void A_listener_only_the_new_side_has_is_compared_against_no_session()
    {
        const string master = """
            smtp      inet  n       -       y       -       -       smtpd
            """;
        var withSubmission = master + "\nsubmission inet n       -       y       -       -       smtpd\n  -o smtpd_relay_restrictions=reject_unauth_destination\n";

        var diff = Compare(RelayFixture.Load(Guarded, master + "\n"), RelayFixture.Load(Guarded, withSubmission));

        diff.Changes.Should().NotBeEmpty().And.OnlyContain(c => c.Service == "submission" && c.Old.Decision == Decision.Error);
        diff.OpensRelay.Should().BeFalse("the new listener refuses every remote recipient");
    }

    [Test]
    public void Policy_ranges_and_logins_become_classes()
    {
        var policy = RelayPolicyReader.Read("""{ "mayRelay": [ { "client": "203.0.113.0/28" } ] }""").Policy!;
        var diff = Compare(RelayFixture.Load(Guarded), RelayFixture.Load(Guarded.Replace("[::1]/128", "[::1]/128 203.0.113.0/28", StringComparison.Ordinal)), policy);

        diff.Changes.Should().ContainSingle(c => c.SaslLogin == null).Which.Client.ToString().Should().Be("203.0.113.0/28");
    }

    private static RelayDiffResult Compare(string oldMainCf, string newMainCf) => Compare(RelayFixture.Load(oldMainCf), RelayFixture.Load(newMainCf));

    private static RelayDiffResult Compare(PostfixConfig old, PostfixConfig @new, RelayPolicy? policy = null) =>
        RelayDiff.Compare(old, @new, policy, new RelayAnalysisOptions
        {
            // Both fixtures write the same passwd file; the simulator takes one.
            Simulator = new SimulatorOptions { PasswdFile = Path.Combine(old.ConfigDirectory, "passwd") },
        });
}
