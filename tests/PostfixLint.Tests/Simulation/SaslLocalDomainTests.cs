using PostfixLint.Simulation;

namespace PostfixLint.Tests.Simulation;

/// <summary>Issue 9 §3 login names: Cyrus appends smtpd_sasl_local_domain to a bare AUTH name (real Postfix 3.7.11, SaslLocalDomainDifferentialTests).</summary>
public sealed class SaslLocalDomainTests
{
    private const string Config = "smtpd_sasl_auth_enable = yes\n"
                                  + "smtpd_sender_login_maps = inline:{bare@example.com=alice, qualified@example.com=alice@example.com}\n"
                                  + "smtpd_sender_restrictions = reject_sender_login_mismatch\n"
                                  + "smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination";

    private static Probe Login(string sender, string login = "alice") => SimulatorFixture.Remote(sender: sender) with { SaslLogin = login };

    [Test]
    public void A_bare_cyrus_login_gets_smtpd_sasl_local_domain_appended()
    {
        var config = Config + "\nsmtpd_sasl_local_domain = example.com";

        SimulatorFixture.Run(config, Login("qualified@example.com")).RcptReply.Should().Be("250 2.1.5 Ok");
        SimulatorFixture.Run(config, Login("bare@example.com")).RcptReply
            .Should().Be("553 5.7.1 <bare@example.com>: Sender address rejected: not owned by user alice@example.com");
    }

    [Test]
    public void A_login_with_a_realm_an_empty_local_domain_or_dovecot_keeps_the_name()
    {
        SimulatorFixture.Run(Config, Login("bare@example.com")).RcptReply.Should().Be("250 2.1.5 Ok");
        SimulatorFixture.Run(Config + "\nsmtpd_sasl_local_domain = mail.example.com", Login("qualified@example.com", "alice@example.com")).RcptReply.Should().Be("250 2.1.5 Ok");
        SimulatorFixture.Run(Config + "\nsmtpd_sasl_local_domain = example.com\nsmtpd_sasl_type = dovecot\nsmtpd_sasl_path = private/auth", Login("bare@example.com")).RcptReply
            .Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void An_xclient_login_is_not_canonicalised()
    {
        var result = SimulatorFixture.Run(Config + "\nsmtpd_sasl_local_domain = example.com", Login("bare@example.com") with { Helo = null });

        result.RcptReply.Should().Be("250 2.1.5 Ok");
    }
}
