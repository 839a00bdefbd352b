using PostfixLint.Analysis.Relay;
using PostfixLint.Model;
using PostfixLint.Simulation;
using PostfixLint.Tests.Cli;

namespace PostfixLint.Tests.Analysis.Relay;

[TestFixture]
public sealed class OpenRelayProofTests
{
    private const string Guarded = "smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination";

    [Test]
    public void Mynetworks_of_everyone_is_a_wide_open_relay_with_a_reproducer()
    {
        var proof = RelayFixture.Analyzer("mynetworks = 0.0.0.0/0\n" + Guarded).ProveNoOpenRelay();

        proof.IsClosed.Should().BeFalse();
        var counterexample = proof.Counterexamples.First(c => c.ClientClass.IsGloballyRoutable);
        counterexample.Exposure.Should().Be(RelayExposure.WideRange);
        counterexample.Reply.Should().StartWith("250");
        counterexample.Deciding!.Restriction.Should().Be("permit_mynetworks");
        counterexample.Deciding.Source.ToString().Should().EndWith("main.cf:11");
        counterexample.Probe.Recipient.Should().Be("relaytest@example.net");
        counterexample.Swaks.Should().Be(
            $"swaks --server mail.example.com:25 --quit-after RCPT --ehlo client.example.net --from sender@example.org --to relaytest@example.net");
        counterexample.SwaksXclient.Should().Contain($"--xclient-addr {counterexample.Probe.Client} ");
        proof.Counterexamples.Should().OnlyContain(c => c.ClientClass.IsGloballyRoutable);
        proof.ProbeCount.Should().BeGreaterThan(0);
    }

    [Test]
    public void A_permit_before_reject_unauth_destination_is_an_open_relay()
    {
        // A bare permit before the guard makes smtpd refuse to start (smtpd_check_init()); through a class it starts and relays.
        var proof = RelayFixture.Analyzer(
            "mynetworks = 127.0.0.0/8\nsmtpd_restriction_classes = allow_all\nallow_all = permit\nsmtpd_relay_restrictions = permit_mynetworks, allow_all, reject_unauth_destination")
            .ProveNoOpenRelay();

        proof.Counterexamples.Should().NotBeEmpty();
        proof.Counterexamples.Should().OnlyContain(c => c.Exposure == RelayExposure.WideRange && c.Deciding!.Restriction == "allow_all");
    }

    [Test]
    public void A_bare_permit_before_reject_unauth_destination_is_reported_as_a_listener_that_does_not_start()
    {
        var proof = RelayFixture.Analyzer("mynetworks = 127.0.0.0/8\nsmtpd_relay_restrictions = permit, reject_unauth_destination").ProveNoOpenRelay();

        proof.Counterexamples.Should().BeEmpty();
        proof.ListenerErrors.Should().ContainSingle().Which.Message.Should().StartWith("in parameter smtpd_relay_restrictions or smtpd_recipient_restrictions, specify at least one working instance of");
    }

    [Test]
    public void An_ipv6_permit_of_everyone_opens_every_native_ipv6_class_even_when_an_ipv4_mapped_class_is_closed()
    {
        // smtpd reads an IPv4-mapped client as IPv4, so ::/0 does not match it: the proof must not let a closed mapped
        // class stand for the native IPv6 classes that share the configuration's boundaries with it.
        var analyzer = RelayFixture.Analyzer(
            "mynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128\nsmtpd_relay_restrictions = permit_mynetworks, check_client_access cidr:/etc/postfix/clients.cidr, reject_unauth_destination",
            files: new Dictionary<string, string> { ["clients.cidr"] = "::/0 OK\n" });
        var proof = analyzer.ProveNoOpenRelay();

        var nativeUntrusted = analyzer.Inputs.Clients.IPv6Classes.Where(c => !analyzer.IsTrusted(c) && !c.First.IsIPv4MappedToIPv6).ToList();
        nativeUntrusted.Should().NotBeEmpty();
        proof.Counterexamples.Select(c => c.ClientClass).Should().Contain(nativeUntrusted);
        proof.Counterexamples.Should().OnlyContain(c => c.ClientClass.Family == System.Net.Sockets.AddressFamily.InterNetworkV6 && !c.ClientClass.First.IsIPv4MappedToIPv6);
    }

    [Test]
    public void A_cidr_client_access_table_that_says_ok_to_everyone_is_an_open_relay()
    {
        var proof = RelayFixture.Analyzer(
            "mynetworks = 127.0.0.0/8\nsmtpd_relay_restrictions = permit_mynetworks, check_client_access cidr:/etc/postfix/clients.cidr, reject_unauth_destination",
            files: new Dictionary<string, string> { ["clients.cidr"] = "192.0.2.0/24 REJECT\n0.0.0.0/0 OK\n" }).ProveNoOpenRelay();

        var counterexample = proof.Counterexamples.First(c => c.ClientClass.IsGloballyRoutable);
        counterexample.Exposure.Should().Be(RelayExposure.WideRange);
        counterexample.Deciding!.Restriction.Should().StartWith("check_client_access");
        proof.Counterexamples.Should().NotContain(c => c.ClientClass.Contains(System.Net.IPAddress.Parse("192.0.2.1")));
    }

    [Test]
    public void A_helo_access_table_that_says_ok_is_an_open_relay_through_a_spoofable_input()
    {
        var proof = RelayFixture.Analyzer(
            "mynetworks = 127.0.0.0/8\nsmtpd_relay_restrictions = permit_mynetworks, check_helo_access hash:/etc/postfix/helo_access, reject_unauth_destination",
            files: new Dictionary<string, string> { ["helo_access"] = "trusted.example.com OK\n" }).ProveNoOpenRelay();

        var counterexample = proof.Counterexamples.First(c => c.ClientClass.IsGloballyRoutable);
        counterexample.Exposure.Should().Be(RelayExposure.SpoofableInput);
        counterexample.SpoofedInput.Should().Be("HELO name \"trusted.example.com\"");
        counterexample.Probe.Helo.Should().Be("trusted.example.com");
        counterexample.Swaks.Should().Contain("--ehlo trusted.example.com");
    }

    [Test]
    public void A_small_public_range_in_mynetworks_is_a_small_explicit_range()
    {
        var proof = RelayFixture.Analyzer("mynetworks = 127.0.0.0/8 8.8.8.0/24\n" + Guarded).ProveNoOpenRelay();

        proof.Counterexamples.Should().ContainSingle().Which.Should().Match<OpenRelayCounterexample>(c =>
            c.Exposure == RelayExposure.SmallExplicitRange && c.ClientClass.ToString() == "8.8.8.0/24");
    }

    [Test]
    public void A_policy_that_trusts_the_public_range_makes_it_no_counterexample()
    {
        var policy = RelayPolicyReader.Read("""{ "mayRelay": [ { "client": "8.8.8.0/24" } ] }""").Policy;

        var proof = RelayFixture.Analyzer("mynetworks = 127.0.0.0/8 8.8.8.0/24\n" + Guarded, policy: policy).ProveNoOpenRelay();

        proof.IsClosed.Should().BeTrue();
    }

    [Test]
    public void Debians_default_configuration_is_not_an_open_relay()
    {
        var config = PostfixConfig.Load(RepositoryPaths.DebianDefault);
        var analyzer = new RelayAnalyzer(config, options: new RelayAnalysisOptions { Simulator = new SimulatorOptions { NoPasswd = true } });

        var proof = analyzer.ProveNoOpenRelay();

        proof.Counterexamples.Should().BeEmpty();
        proof.DependsOnDns.Should().BeEmpty();
        proof.Listeners.Select(l => l.Service).Should().Contain("smtp");
    }

    [Test]
    public void A_dns_dependent_decision_is_reported_as_such_and_not_guessed()
    {
        var proof = RelayFixture.Analyzer(
            "mynetworks = 127.0.0.0/8\nsmtpd_restriction_classes = allow_all\nallow_all = permit\n"
            + "smtpd_relay_restrictions = permit_mynetworks, reject_unknown_helo_hostname, allow_all, reject_unauth_destination").ProveNoOpenRelay();

        proof.DependsOnDns.Should().NotBeEmpty();
        proof.DependsOnDns.Should().OnlyContain(d => d.Reason.Length > 0);
        proof.Counterexamples.Should().BeEmpty();
    }

    [Test]
    public void Every_listener_with_its_overrides_is_proven()
    {
        const string master = """
            smtp      inet  n       -       y       -       -       smtpd
            2525      inet  n       -       y       -       -       smtpd
              -o mynetworks=0.0.0.0/0
            """;

        var proof = RelayFixture.Analyzer("mynetworks = 127.0.0.0/8\n" + Guarded, master + "\n").ProveNoOpenRelay();

        proof.Counterexamples.Should().NotBeEmpty().And.OnlyContain(c => c.Listener.Service == "2525");
        proof.Counterexamples[0].Swaks.Should().StartWith("swaks --server mail.example.com:2525 ");
    }
}
