using PostfixLint.IntegrationTests.Instance;
using Probe = PostfixLint.IntegrationTests.Instance.Probe;

namespace PostfixLint.IntegrationTests.Simulation;

/// <summary>
/// Issue 9 §3 "SMTPUTF8 addresses": UTF-8 local parts and domains sent with and without the SMTPUTF8 parameter of
/// MAIL FROM, U-label and A-label (<c>xn--</c>) domains in mydestination and relay_domains and as recipients, names
/// that do not convert to IDNA, and a UTF-8 EHLO name under reject_non_fqdn_helo_hostname; × smtputf8_enable ×
/// strict_smtputf8 (and the listener's smtputf8_enable against trivial-rewrite's), each on real Postfix and the simulator.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class Smtputf8DifferentialTests
{
    private const string Client = "192.0.2.10";
    private const string Helo = "client.example.net";

    // mydestination holds a U-label domain and an A-label one; relay_domains a U-label domain (nontransitional: ß stays).
    private const string Domains =
        "mydestination = $myhostname, localhost, b\u00fccher.example, xn--mnchen-3ya.example\n"
        + "relay_domains = stra\u00dfe.example\n"
        + "smtpd_helo_restrictions = reject_non_fqdn_helo_hostname\n";

    private static IEnumerable<Probe> BaseProbes() =>
    [
        new(Client, "app@example.com", "root@mail.example.com") { Id = "ascii" },
        new(Client, "app@example.com", "j\u00f6rg@mail.example.com") { Id = "utf8-local-unknown" },
        new(Client, "j\u00f6rg@example.com", "root@mail.example.com") { Id = "utf8-local-sender" },
        new(Client, "app@ex\u00e4mple.org", "root@mail.example.com") { Id = "utf8-domain-sender" },
        new(Client, "app@example.com", "root@b\u00fccher.example") { Id = "ulabel-mydestination" },
        new(Client, "app@example.com", "root@B\u00dcCHER.Example") { Id = "ulabel-mydestination-upper" },
        new(Client, "app@example.com", "root@xn--bcher-kva.example") { Id = "alabel-of-ulabel-mydestination" },
        new(Client, "app@example.com", "root@xn--mnchen-3ya.example") { Id = "alabel-mydestination" },
        new(Client, "app@example.com", "root@m\u00fcnchen.example") { Id = "ulabel-of-alabel-mydestination" },
        new(Client, "app@example.com", "x@stra\u00dfe.example") { Id = "ulabel-relay-domains" },
        new(Client, "app@example.com", "x@xn--strae-oqa.example") { Id = "alabel-relay-domains" },
        new(Client, "app@example.com", "x@STRASSE.example") { Id = "casefold-relay-domains" },
        new(Client, "app@example.com", "x@ex\u00e4mple.org") { Id = "ulabel-unauth-destination" },
        new(Client, "app@example.com", "x@-b\u00fccher.example") { Id = "idna-leading-hyphen" },
        new(Client, "app@example.com", "x@\u0308a.example") { Id = "idna-leading-combining-mark" },
        new(Client, "app@example.com", "x@b\u00fc\u00a0cher.example") { Id = "idna-no-break-space" },
        new(Client, "app@example.com", "x@\uff45x\u00e4mple.org") { Id = "idna-fullwidth" },
        new(Client, "app@example.com", "x@ab--\u00fc.example") { Id = "idna-hyphen-3-4" },
        new(Client, "app@example.com", "x@a\u200db\u00fc.example") { Id = "idna-zwj" },
        new(Client, "app@example.com", "x@a\u05d0.example") { Id = "idna-mixed-bidi" },
        new(Client, "app@example.com", "x@\u00fc.123") { Id = "idna-numeric-tld" },
        new(Client, "app@example.com", "root@mail.example.com") { Id = "utf8-helo", Helo = "b\u00fccher.example" },
    ];

    private static Probe[] Probes() =>
    [
        .. BaseProbes().Select(p => p with { Helo = p.Helo ?? Helo }),
        .. BaseProbes().Select(p => p with { Id = p.Id + "+smtputf8", Helo = p.Helo ?? Helo, Smtputf8 = true }),
    ];

    /// <summary>The configurations: smtputf8_enable × strict_smtputf8, delay_reject off, and the listener against trivial-rewrite.</summary>
    public static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(Domains, null).SetArgDisplayNames("enable");
        yield return new TestCaseData(Domains + "strict_smtputf8 = yes\n", null).SetArgDisplayNames("enable-strict");
        yield return new TestCaseData(Domains + "smtputf8_enable = no\n", null).SetArgDisplayNames("disable");
        yield return new TestCaseData(Domains + "smtputf8_enable = no\nstrict_smtputf8 = yes\n", null).SetArgDisplayNames("disable-strict");
        yield return new TestCaseData(Domains + "strict_smtputf8 = yes\nsmtpd_delay_reject = no\nsmtpd_sender_restrictions = reject_non_fqdn_sender, reject_unlisted_sender\n", null)
            .SetArgDisplayNames("enable-strict-no-delay");
        yield return new TestCaseData(Domains + "smtputf8_enable = no\n", "smtp      inet  n       -       y       -       -       smtpd\n  -o smtputf8_enable=yes\n")
            .SetArgDisplayNames("listener-enable-rewrite-disable");
        yield return new TestCaseData(Domains + Access, null).SetArgDisplayNames("enable-utf8-access");
        yield return new TestCaseData(Domains + Access + "smtputf8_enable = no\n", null).SetArgDisplayNames("disable-utf8-access");
    }

    // An access table with UTF-8 keys and UTF-8 reply text, consulted before the relay decision.
    private const string Access = "smtpd_relay_restrictions = check_recipient_access hash:/etc/postfix/utf8_access, permit_mynetworks, reject_unauth_destination\n";

    private static readonly Dictionary<string, string> s_tables = new()
    {
        ["utf8_access"] = "j\u00f6rg@mail.example.com REJECT f\u00fcr dich nicht\nex\u00e4mple.org 550 5.7.1 Dom\u00e4ne gesperrt\nstrasse.example REJECT folded\n",
    };

    [TestCaseSource(nameof(Cases))]
    public async Task Smtputf8_outcomes_equal_real_Postfix(string fragment, string? masterCf)
    {
        // Postfix files are bytes: main.cf holds the UTF-8 encoding of the U-labels (SourceFile writes one byte per char).
        var utf8 = System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes(fragment));
        // With smtpd_delay_reject = no a refused EHLO is the harness's decision (stage helo) although the session goes on
        // and RCPT may get 250; the simulator decides by RCPT. That difference is not SMTPUTF8's: leave the UTF-8 EHLO out.
        var probes = fragment.Contains("smtpd_delay_reject = no", StringComparison.Ordinal) ? [.. Probes().Where(p => p.Helo == Helo)] : Probes();
        var tables = s_tables.ToDictionary(t => t.Key, t => System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes(t.Value)));
        var scenario = Scenario.FromFragment("smtputf8", utf8, probes, masterCf, tables);
        var (outcome, simulated) = await DifferentialRunner.RunOneAsync(scenario, "smtputf8");
        outcome.Real.Should().OnlyContain(r => r.Error == null, "every probe completes its SMTP session on the real instance");
        DifferentialRunner.ShouldAgree(outcome, simulated);
    }
}
