using PostfixLint.IntegrationTests.Instance;
using Probe = PostfixLint.IntegrationTests.Instance.Probe;

namespace PostfixLint.IntegrationTests.Simulation;

/// <summary>
/// Issue 9 §3 "address syntax, smtpd_reject_unlisted_sender, SMTPUTF8 addresses": envelope address forms the generator
/// does not produce (<c>a@b@c</c>, quoted local parts and quoted pairs, comments, UTF-8 local parts and domains sent
/// without the SMTPUTF8 parameter) and the unlisted sender/recipient switches, each on real Postfix and the simulator.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class AddressFormDifferentialTests
{
    private const string Client = "192.0.2.10";
    private const string Helo = "client.example.net";

    private static Probe[] Probes() =>
    [
        new(Client, "app@example.com", "root@mail.example.com") { Id = "plain-local", Helo = Helo },
        new(Client, "app@example.com", "nobody-here@mail.example.com") { Id = "unknown-local", Helo = Helo },
        new(Client, "nobody-here@mail.example.com", "root@mail.example.com") { Id = "unknown-local-sender", Helo = Helo },
        new(Client, "moved@mail.example.com", "root@mail.example.com") { Id = "relocated-sender", Helo = Helo },
        new(Client, "app@example.com", "moved@mail.example.com") { Id = "relocated-recipient", Helo = Helo },
        new(Client, "app@example.com", "root@x@mail.example.com") { Id = "double-at-local", Helo = Helo },
        new(Client, "app@example.com", "x@gmail.com@mail.example.com") { Id = "double-at-relay-attempt", Helo = Helo },
        new(Client, "a@b@example.com", "root@mail.example.com") { Id = "double-at-sender", Helo = Helo },
        new(Client, "app@example.com", "\"root\"@mail.example.com") { Id = "quoted-local", Helo = Helo },
        new(Client, "app@example.com", "\"john doe\"@mail.example.com") { Id = "quoted-space-local", Helo = Helo },
        new(Client, "\"john doe\"@example.com", "root@mail.example.com") { Id = "quoted-space-sender", Helo = Helo },
        new(Client, "app@example.com", "\"ro\\ot\"@mail.example.com") { Id = "quoted-pair-local", Helo = Helo },
        new(Client, "app@example.com", "ro\\ot@mail.example.com") { Id = "backslash-local", Helo = Helo },
        new(Client, "app@example.com", "root(comment)@mail.example.com") { Id = "comment-local", Helo = Helo },
        new(Client, "app(comment)@example.com", "root@mail.example.com") { Id = "comment-sender", Helo = Helo },
        new(Client, "app@example.com", "j\u00f6rg@mail.example.com") { Id = "utf8-local-unknown", Helo = Helo },
        new(Client, "app@example.com", "x@ex\u00e4mple.org") { Id = "utf8-domain-relay", Helo = Helo },
        new(Client, "j\u00f6rg@ex\u00e4mple.org", "root@mail.example.com") { Id = "utf8-sender", Helo = Helo },
    ];

    /// <summary>The configurations.</summary>
    public static IEnumerable<TestCaseData> Cases()
    {
        const string Relocated = "relocated_maps = hash:/etc/postfix/relocated\n";
        yield return new TestCaseData(Relocated).SetArgDisplayNames("defaults");
        yield return new TestCaseData(Relocated + "smtpd_reject_unlisted_sender = yes\n").SetArgDisplayNames("reject-unlisted-sender");
        yield return new TestCaseData(Relocated + "smtpd_reject_unlisted_sender = yes\nsmtpd_delay_reject = no\n").SetArgDisplayNames("reject-unlisted-sender-no-delay");
        yield return new TestCaseData(Relocated + "smtpd_reject_unlisted_recipient = no\n").SetArgDisplayNames("accept-unlisted-recipient");
        yield return new TestCaseData(Relocated + "smtputf8_enable = no\n").SetArgDisplayNames("smtputf8-off");
        yield return new TestCaseData(Relocated + "strict_smtputf8 = yes\n").SetArgDisplayNames("strict-smtputf8");
        yield return new TestCaseData(Relocated + "strict_rfc821_envelopes = yes\n").SetArgDisplayNames("strict-rfc821");
        yield return new TestCaseData(Relocated + "allow_untrusted_routing = yes\n").SetArgDisplayNames("untrusted-routing");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Address_form_outcomes_equal_real_Postfix(string fragment)
    {
        var tables = new Dictionary<string, string> { ["relocated"] = "moved@mail.example.com someone@example.org\n" };
        var scenario = Scenario.FromFragment("address-form", fragment, Probes(), tables: tables);
        var (outcome, simulated) = await DifferentialRunner.RunOneAsync(scenario, "address-form");
        outcome.Real.Should().OnlyContain(r => r.Error == null, "every probe completes its SMTP session on the real instance");
        DifferentialRunner.ShouldAgree(outcome, simulated);
    }
}
