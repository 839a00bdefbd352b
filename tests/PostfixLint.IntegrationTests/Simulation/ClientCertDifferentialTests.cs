using PostfixLint.IntegrationTests.Instance;
using Probe = PostfixLint.IntegrationTests.Instance.Probe;

namespace PostfixLint.IntegrationTests.Simulation;

/// <summary>
/// Issue 9 §3 "TLS": a client certificate presented in a real STARTTLS handshake (the harness's generated certificate),
/// and what <c>permit_tls_clientcerts</c> / <c>relay_clientcerts</c>, <c>permit_tls_all_clientcerts</c> and
/// <c>check_ccert_access</c> make of it on real Postfix; the simulator must give the same replies.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ClientCertDifferentialTests
{
    private const string Relay = "mynetworks = 127.0.0.0/8\nsmtpd_tls_ask_ccert = yes\n";

    private static Probe[] Probes() =>
    [
        new("192.0.2.10", "app@example.com", "x@gmail.com") { Id = "plain", Helo = "client.example.net" },
        new("192.0.2.10", "app@example.com", "x@gmail.com") { Id = "tls-no-cert", Helo = "client.example.net", Tls = true },
        new("192.0.2.10", "app@example.com", "x@gmail.com") { Id = "tls-cert", Helo = "client.example.net", Tls = true, ClientCert = TestClientCertificate.Fingerprint },
        new("192.0.2.10", "app@example.com", "root@mail.example.com") { Id = "tls-cert-local", Helo = "client.example.net", Tls = true, ClientCert = TestClientCertificate.Fingerprint },
    ];

    /// <summary>The configurations: which restriction, whether the table lists the test certificate, and smtpd_tls_ask_ccert.</summary>
    public static IEnumerable<TestCaseData> Cases()
    {
        var listed = $"{TestClientCertificate.Fingerprint} client.example.net\n{TestClientCertificate.OtherFingerprint} other\n";
        var unlisted = $"{TestClientCertificate.OtherFingerprint} other\n";
        const string PermitCerts = "relay_clientcerts = hash:/etc/postfix/relay_clientcerts\nsmtpd_relay_restrictions = permit_mynetworks, permit_tls_clientcerts, reject_unauth_destination\n";
        yield return new TestCaseData(Relay + PermitCerts, "relay_clientcerts", listed, "250 2.1.5").SetArgDisplayNames("relay-clientcerts-listed");
        yield return new TestCaseData(Relay + PermitCerts, "relay_clientcerts", unlisted, "554 5.7.1").SetArgDisplayNames("relay-clientcerts-not-listed");
        yield return new TestCaseData(Relay.Replace("yes", "no", StringComparison.Ordinal) + PermitCerts, "relay_clientcerts", listed, "554 5.7.1").SetArgDisplayNames("relay-clientcerts-not-asked");
        yield return new TestCaseData(Relay + PermitCerts.Replace("permit_tls_clientcerts", "permit_tls_all_clientcerts", StringComparison.Ordinal), "relay_clientcerts", listed, "250 2.1.5")
            .SetArgDisplayNames("all-clientcerts-unverified-listed");
        yield return new TestCaseData(Relay + PermitCerts.Replace("permit_tls_clientcerts", "permit_tls_all_clientcerts", StringComparison.Ordinal), "relay_clientcerts", unlisted, "554 5.7.1")
            .SetArgDisplayNames("all-clientcerts-unverified-not-listed");
        yield return new TestCaseData(Relay + PermitCerts, "relay_clientcerts", $"{TestClientCertificate.PkeyFingerprint} client key\n", "250 2.1.5").SetArgDisplayNames("relay-clientcerts-pkey-listed");
        const string Ccert = "smtpd_client_restrictions = check_ccert_access hash:/etc/postfix/ccert_access\nsmtpd_relay_restrictions = permit_mynetworks, check_ccert_access hash:/etc/postfix/ccert_access, reject_unauth_destination\n";
        yield return new TestCaseData(Relay + Ccert, "ccert_access", $"{TestClientCertificate.Fingerprint} REJECT\n", "554 5.7.1 <client.example.net>: Client certificate rejected").SetArgDisplayNames("ccert-access-listed-reject");
        yield return new TestCaseData(Relay + Ccert.Replace("smtpd_client_restrictions = check_ccert_access hash:/etc/postfix/ccert_access\n", "", StringComparison.Ordinal), "ccert_access", $"{TestClientCertificate.Fingerprint} OK\n", "250 2.1.5")
            .SetArgDisplayNames("ccert-access-listed-ok");
        yield return new TestCaseData(Relay + Ccert, "ccert_access", $"{TestClientCertificate.PkeyFingerprint} REJECT\n", "554 5.7.1 <client.example.net>: Client certificate rejected")
            .SetArgDisplayNames("ccert-access-pkey-listed-reject");
        yield return new TestCaseData(Relay + Ccert, "ccert_access", $"{TestClientCertificate.OtherFingerprint} REJECT\n", "554 5.7.1").SetArgDisplayNames("ccert-access-not-listed");
        yield return new TestCaseData(Relay.Replace("yes", "no", StringComparison.Ordinal) + Ccert, "ccert_access", $"{TestClientCertificate.Fingerprint} REJECT\n", "554 5.7.1").SetArgDisplayNames("ccert-access-not-asked");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Client_certificate_outcomes_equal_real_Postfix(string fragment, string table, string contents, string certReply)
    {
        var scenario = Scenario.FromFragment("ccert-" + table, fragment, Probes(), tables: new Dictionary<string, string> { [table] = contents });
        var (outcome, simulated) = await DifferentialRunner.RunOneAsync(scenario, "client-cert");
        outcome.Real.Should().OnlyContain(r => r.Error == null, "every probe completes its SMTP session on the real instance");
        outcome.Real.Single(r => r.Probe.Id == "tls-cert").RcptReply.Should().StartWith(certReply, "the presented certificate decides the relay");
        DifferentialRunner.ShouldAgree(outcome, simulated);
    }

    [Test]
    public async Task Permit_tls_clientcerts_without_ask_ccert_warns_like_smtpd()
    {
        var fragment = Relay.Replace("yes", "no", StringComparison.Ordinal)
                       + "relay_clientcerts = hash:/etc/postfix/relay_clientcerts\nsmtpd_relay_restrictions = permit_mynetworks, permit_tls_clientcerts, reject_unauth_destination\n";
        var tables = new Dictionary<string, string> { ["relay_clientcerts"] = $"{TestClientCertificate.Fingerprint} client\n" };
        var scenario = Scenario.FromFragment("ccert-not-asked", fragment, Probes()[2..3], tables: tables);
        const string Warning = "permit_tls_clientcerts is requested, but \"smtpd_tls_ask_ccert = no\"";
        await using var instance = await PrivatePostfixInstance.StartAsync(scenario);
        await instance.RunProbesAsync(scenario.Probes);

        (await instance.WaitForLogProblemAsync(l => l.EndsWith(Warning, StringComparison.Ordinal), TimeSpan.FromSeconds(60))).Should().BeTrue(string.Join("\n", instance.LogProblems));
        var directory = Path.Combine(Path.GetTempPath(), "pfl-ccert-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            scenario.WriteTo(directory);
            var simulator = new PostfixLint.Simulation.RelaySimulator(PostfixLint.Model.PostfixConfig.Load(directory), new PostfixLint.Simulation.SimulatorOptions { ServerAddress = "127.0.0.1" });
            simulator.Simulate(SimulatorBinding.ToSimulationProbe(scenario.Probes[0])).Warnings.Should().Contain(Warning);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
