using PostfixLint.IntegrationTests.Instance;
using Probe = PostfixLint.IntegrationTests.Instance.Probe;

namespace PostfixLint.IntegrationTests.Simulation;

/// <summary>
/// Issue 9 §3 "AUTH": the login name smtpd sees after AUTH with Cyrus (the harness's sasldb), with and without
/// <c>smtpd_sasl_local_domain</c>, as <c>reject_sender_login_mismatch</c> judges it; the simulator must agree.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SaslLocalDomainDifferentialTests
{
    private const string Config = "smtpd_sasl_auth_enable = yes\n"
                                  + "smtpd_sender_login_maps = inline:{bare@example.com=alice, qualified@example.com=alice@example.com, host@example.com=alice@mail.example.com}\n"
                                  + "smtpd_sender_restrictions = reject_sender_login_mismatch\n"
                                  + "smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination\n";

    private static Probe[] Probes() =>
    [
        new("192.0.2.10", "bare@example.com", "x@gmail.com") { Id = "bare", Helo = "laptop.example.net", SaslLogin = "alice" },
        new("192.0.2.10", "qualified@example.com", "x@gmail.com") { Id = "qualified", Helo = "laptop.example.net", SaslLogin = "alice" },
        new("192.0.2.10", "host@example.com", "x@gmail.com") { Id = "host", Helo = "laptop.example.net", SaslLogin = "alice" },
        new("192.0.2.10", "qualified@example.com", "x@gmail.com") { Id = "login-with-realm", Helo = "laptop.example.net", SaslLogin = "alice@example.com" },
    ];

    /// <summary>smtpd_sasl_local_domain unset, set to the sender's domain, or to myhostname.</summary>
    public static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("").SetArgDisplayNames("unset");
        yield return new TestCaseData("smtpd_sasl_local_domain = example.com\n").SetArgDisplayNames("example.com");
        yield return new TestCaseData("smtpd_sasl_local_domain = $myhostname\n").SetArgDisplayNames("myhostname");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task The_login_name_smtpd_sees_equals_real_Postfix(string localDomain)
    {
        var scenario = Scenario.FromFragment("sasl-local-domain", Config + localDomain, Probes());
        var (outcome, simulated) = await DifferentialRunner.RunOneAsync(scenario, "sasl-local-domain");
        outcome.Real.Should().OnlyContain(r => r.AuthReply == "235 2.7.0 Authentication successful", "every login authenticates on the real instance");
        DifferentialRunner.ShouldAgree(outcome, simulated);
    }
}
