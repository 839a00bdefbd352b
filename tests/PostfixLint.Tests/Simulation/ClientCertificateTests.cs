using PostfixLint.Simulation;

namespace PostfixLint.Tests.Simulation;

/// <summary>Issue 9 §3 client certificates: replies seen on the real Postfix 3.7.11 instance (ClientCertDifferentialTests).</summary>
public sealed class ClientCertificateTests
{
    private const string Fingerprint = "8C:1E:00:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66";
    private const string Other = "01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F:20";
    private const string Denied = "554 5.7.1 <someone@gmail.com>: Relay access denied";
    private const string PermitCerts = "smtpd_tls_ask_ccert = yes\nrelay_clientcerts = hash:/etc/postfix/relay_clientcerts\n"
                                       + "smtpd_relay_restrictions = permit_mynetworks, permit_tls_clientcerts, reject_unauth_destination";

    private static Probe WithCert(bool tls = true, string fingerprint = Fingerprint) =>
        SimulatorFixture.Remote() with { Tls = tls, ClientCert = fingerprint, ClientCertCommonName = "client.example.net" };

    private static Dictionary<string, string> Listing(string fingerprint) => new() { ["relay_clientcerts"] = $"{fingerprint} client\n" };

    [Test]
    public void Permit_tls_clientcerts_relays_for_a_certificate_listed_in_relay_clientcerts()
    {
        SimulatorFixture.Run(PermitCerts, WithCert(), files: Listing(Fingerprint)).RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void Permit_tls_clientcerts_does_not_relay_for_an_unlisted_certificate_or_none()
    {
        SimulatorFixture.Run(PermitCerts, WithCert(), files: Listing(Other)).RcptReply.Should().Be(Denied);
        SimulatorFixture.Run(PermitCerts, SimulatorFixture.Remote() with { Tls = true }, files: Listing(Fingerprint)).RcptReply.Should().Be(Denied);
    }

    [Test]
    public void A_certificate_is_not_presented_without_tls_or_without_smtpd_tls_ask_ccert()
    {
        SimulatorFixture.Run(PermitCerts, WithCert(tls: false), files: Listing(Fingerprint)).RcptReply.Should().Be(Denied);

        var notAsked = SimulatorFixture.Run(PermitCerts.Replace("ask_ccert = yes", "ask_ccert = no", StringComparison.Ordinal), WithCert(), files: Listing(Fingerprint));
        notAsked.RcptReply.Should().Be(Denied);
        notAsked.Warnings.Should().Contain("permit_tls_clientcerts is requested, but \"smtpd_tls_ask_ccert = no\"");
    }

    [Test]
    public void Permit_tls_all_clientcerts_relays_for_a_verified_certificate_and_looks_up_an_unverified_one()
    {
        var all = PermitCerts.Replace("permit_tls_clientcerts", "permit_tls_all_clientcerts", StringComparison.Ordinal);

        SimulatorFixture.Run(all, WithCert() with { ClientCertVerified = true }, files: Listing(Other)).RcptReply.Should().Be("250 2.1.5 Ok");
        SimulatorFixture.Run(all, WithCert(), files: Listing(Other)).RcptReply.Should().Be(Denied);
        SimulatorFixture.Run(all, WithCert(), files: Listing(Fingerprint)).RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void The_public_key_fingerprint_is_looked_up_when_the_certificate_is_not_listed()
    {
        SimulatorFixture.Run(PermitCerts, WithCert(fingerprint: Other) with { ClientCertPkey = Fingerprint }, files: Listing(Fingerprint)).RcptReply.Should().Be("250 2.1.5 Ok");
        SimulatorFixture.Run(PermitCerts, WithCert(fingerprint: Other), files: Listing(Fingerprint)).RcptReply.Should().Be(Denied);
    }

    [Test]
    public void Check_ccert_access_rejects_by_fingerprint_naming_the_certificate_common_name()
    {
        var config = "smtpd_tls_ask_ccert = yes\nsmtpd_relay_restrictions = permit_mynetworks, check_ccert_access hash:/etc/postfix/ccert_access, reject_unauth_destination";
        var files = new Dictionary<string, string> { ["ccert_access"] = $"{Fingerprint} REJECT\n" };

        SimulatorFixture.Run(config, WithCert(), files: files).RcptReply.Should().Be("554 5.7.1 <client.example.net>: Client certificate rejected: Access denied");
        SimulatorFixture.Run(config, WithCert(fingerprint: Other), files: files).RcptReply.Should().Be(Denied);
        SimulatorFixture.Run(config.Replace("ask_ccert = yes", "ask_ccert = no", StringComparison.Ordinal), WithCert(tls: false), files: files)
            .Warnings.Should().Contain("check_ccert_access is requested, but \"smtpd_tls_ask_ccert = no\"");
    }
}
