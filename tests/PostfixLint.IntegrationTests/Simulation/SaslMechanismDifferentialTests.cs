using PostfixLint.IntegrationTests.Instance;
using Probe = PostfixLint.IntegrationTests.Instance.Probe;

namespace PostfixLint.IntegrationTests.Simulation;

/// <summary>
/// Issue 9 §3 "AUTH": <c>smtpd_sasl_security_options</c> (before TLS) and <c>smtpd_sasl_tls_security_options</c> (after TLS)
/// against the harness's Cyrus sasldb, which offers PLAIN and LOGIN only; the simulator must answer like real Postfix.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SaslMechanismDifferentialTests
{
    private const string Relay = "smtpd_sasl_auth_enable = yes\nsmtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination\n";

    private static Probe[] Probes() =>
    [
        new("192.0.2.10", "alice@example.com", "x@gmail.com") { Id = "plain-login", Helo = "laptop.example.net", SaslLogin = "alice" },
        new("192.0.2.10", "alice@example.com", "x@gmail.com") { Id = "tls-login", Helo = "laptop.example.net", SaslLogin = "alice", Tls = true },
        new("192.0.2.10", "app@example.com", "root@mail.example.com") { Id = "plain-anonymous", Helo = "client.example.net" },
        new("192.0.2.10", "app@example.com", "root@mail.example.com") { Id = "tls-anonymous", Helo = "client.example.net", Tls = true },
    ];

    /// <summary>The security options before and after TLS, and whether AUTH is only offered after STARTTLS.</summary>
    public static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("smtpd_sasl_security_options = noanonymous\n").SetArgDisplayNames("noanonymous");
        yield return new TestCaseData("smtpd_sasl_security_options = noanonymous, noplaintext\n").SetArgDisplayNames("noplaintext-before-and-after-tls");
        yield return new TestCaseData("smtpd_sasl_security_options = noanonymous, noplaintext\nsmtpd_sasl_tls_security_options = noanonymous\n").SetArgDisplayNames("noplaintext-before-tls-only");
        yield return new TestCaseData("smtpd_tls_auth_only = yes\nsmtpd_sasl_security_options = noanonymous, noplaintext\nsmtpd_sasl_tls_security_options = noanonymous\n")
            .SetArgDisplayNames("noplaintext-before-tls-with-tls-auth-only");
        yield return new TestCaseData("smtpd_tls_auth_only = yes\nsmtpd_sasl_tls_security_options = noanonymous, nodictionary\n").SetArgDisplayNames("nodictionary-after-tls");
        yield return new TestCaseData("smtpd_sasl_security_options =\n").SetArgDisplayNames("empty");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Sasl_security_options_outcomes_equal_real_Postfix(string options)
    {
        var scenario = Scenario.FromFragment("sasl-mech", Relay + options, Probes());
        var (outcome, simulated) = await DifferentialRunner.RunOneAsync(scenario, "sasl-mechanisms");
        DifferentialRunner.ShouldAgree(outcome, simulated);
    }
}
