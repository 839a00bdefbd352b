namespace PostfixLint.IntegrationTests.Instance;

/// <summary>The six causes of "Relay access denied" trouble from issue 3's seed, each proven on a real Postfix (fixtures in testdata/simulation/).</summary>
[TestFixture]
public sealed class SeedCauseTests
{
    [Test]
    public async Task Client_IP_not_in_mynetworks_is_denied_relay()
    {
        var results = await ScenarioFixtures.RunAndCompareAsync("client-not-in-mynetworks");

        Reply(results, "outsider-relays").Should().Be("554 5.7.1 <x@gmail.com>: Relay access denied");
        Reply(results, "loopback-relays").Should().Be("250 2.1.5 Ok");
        Reply(results, "outsider-local-delivery").Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public async Task Client_IP_not_in_mynetworks_is_deferred_with_Debian_default_relay_restrictions()
    {
        var results = await ScenarioFixtures.RunAndCompareAsync("client-not-in-mynetworks-debian-default");

        Reply(results, "outsider-relays").Should().Be("454 4.7.1 <x@gmail.com>: Relay access denied");
        results.Single(r => r.Probe.Id == "outsider-relays").Decision.Should().Be(ProbeDecision.Defer);
        Reply(results, "loopback-relays").Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public async Task Permit_mynetworks_after_reject_unauth_destination_is_never_reached()
    {
        var results = await ScenarioFixtures.RunAndCompareAsync("permit-after-reject-unauth-destination");

        Reply(results, "listed-client-relays").Should().Be("554 5.7.1 <x@gmail.com>: Relay access denied");
        Reply(results, "listed-client-local-delivery").Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public async Task Changed_client_IP_is_no_longer_in_mynetworks()
    {
        var results = await ScenarioFixtures.RunAndCompareAsync("changed-client-ip");

        Reply(results, "old-ip").Should().Be("250 2.1.5 Ok");
        Reply(results, "new-ip").Should().Be("554 5.7.1 <x@gmail.com>: Relay access denied");
    }

    [Test]
    public async Task Listener_commented_out_in_master_cf_refuses_the_connection()
    {
        var results = await ScenarioFixtures.RunAndCompareAsync("listener-not-reachable-master-cf");

        Reply(results, "smtp-listener").Should().Be("250 2.1.5 Ok");
        var submission = results.Single(r => r.Probe.Id == "submission-commented-out");
        submission.Decision.Should().Be(ProbeDecision.Error);
        submission.Stage.Should().Be(ProbeStage.Connect);
        submission.Error.Should().Be("cannot connect to the submission listener: ConnectionRefused");
        submission.MailFromReply.Should().BeNull();
    }

    [Test]
    public async Task Inet_interfaces_without_a_local_address_keeps_Postfix_from_listening()
    {
        var results = await ScenarioFixtures.RunAndCompareAsync("listener-not-reachable-inet-interfaces");

        results.Single().Decision.Should().Be(ProbeDecision.Error);
        results.Single().Stage.Should().Be(ProbeStage.Connect);
        results.Single().Error.Should().Be("postfix cannot start with this configuration: parameter inet_interfaces: no local interface found for 127.0.0.2");
    }

    [Test]
    public async Task SASL_login_does_not_permit_relay_when_SASL_is_not_enabled_or_not_permitted()
    {
        var results = await ScenarioFixtures.RunAndCompareAsync("sasl-not-enabled-or-not-permitted");

        results.Single(r => r.Probe.Id == "smtp-sasl-off").AuthReply.Should().Be("503 5.5.1 Error: authentication not enabled");
        Reply(results, "smtp-sasl-off").Should().Be("554 5.7.1 <x@gmail.com>: Relay access denied");
        results.Single(r => r.Probe.Id == "submission-sasl-on-not-permitted").AuthReply.Should().Be("235 2.7.0 Authentication successful");
        Reply(results, "submission-sasl-on-not-permitted").Should().Be("554 5.7.1 <x@gmail.com>: Relay access denied");
        Reply(results, "port2525-sasl-on-permitted").Should().Be("250 2.1.5 Ok");
        Reply(results, "port2525-no-login").Should().Be("554 5.7.1 <x@gmail.com>: Recipient address rejected: Access denied");
    }

    [Test]
    public async Task Sender_not_owned_in_smtpd_sender_login_maps_is_rejected()
    {
        var results = await ScenarioFixtures.RunAndCompareAsync("sender-not-owned");

        Reply(results, "owner-sends").Should().Be("250 2.1.5 Ok");
        Reply(results, "other-user-sends").Should().Be("553 5.7.1 <app@example.com>: Sender address rejected: not owned by user bob");
        Reply(results, "co-owner-sends").Should().Be("250 2.1.5 Ok");
        Reply(results, "domain-owner-sends").Should().Be("250 2.1.5 Ok");
        Reply(results, "not-logged-in").Should().Be("553 5.7.1 <app@example.com>: Sender address rejected: not logged in");
        Reply(results, "unowned-address").Should().Be("553 5.7.1 <other@example.com>: Sender address rejected: not owned by user alice");
        results.Single(r => r.Probe.Id == "other-user-sends").Stage.Should().Be(ProbeStage.Rcpt, "with smtpd_delay_reject = yes sender restrictions answer at RCPT TO");
    }

    // The decisive reply: RCPT's when MAIL FROM was accepted, else MAIL FROM's.
    private static string? Reply(IEnumerable<ProbeResult> results, string id)
    {
        var result = results.Single(r => r.Probe.Id == id);
        return result.RcptReply ?? result.MailFromReply;
    }
}
