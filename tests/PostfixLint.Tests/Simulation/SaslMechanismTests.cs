using PostfixLint.Simulation;

namespace PostfixLint.Tests.Simulation;

/// <summary>Issue 9 §3 AUTH availability: security options that leave no PLAIN/LOGIN mechanism (seen on the real Postfix 3.7.11 instance, SaslMechanismDifferentialTests).</summary>
public sealed class SaslMechanismTests
{
    private const string Sasl = "smtpd_sasl_auth_enable = yes\nsmtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination\n";

    private static Probe Login(bool tls) => SimulatorFixture.Remote() with { SaslLogin = "alice", Tls = tls };

    [Test]
    public void Noplaintext_before_tls_makes_smtpd_exit_after_the_greeting_for_every_client()
    {
        var config = Sasl + "smtpd_sasl_security_options = noanonymous, noplaintext\nsmtpd_sasl_tls_security_options = noanonymous";

        foreach (var probe in new[] { Login(tls: false), Login(tls: true), SimulatorFixture.Remote() })
        {
            var result = SimulatorFixture.Run(config, probe);
            result.Decision.Should().Be(Decision.Error);
            result.Error.Should().Be("no SASL authentication mechanisms");
            result.Warnings.Should().Contain("xsasl_cyrus_server_get_mechanism_list: no applicable SASL mechanisms");
        }
    }

    [Test]
    public void Noplaintext_before_tls_is_harmless_under_smtpd_tls_auth_only()
    {
        var config = Sasl + "smtpd_tls_auth_only = yes\nsmtpd_sasl_security_options = noanonymous, noplaintext\nsmtpd_sasl_tls_security_options = noanonymous";

        SimulatorFixture.Run(config, Login(tls: false)).AuthReply.Should().Be("503 5.5.1 Error: authentication not enabled");
        var tls = SimulatorFixture.Run(config, Login(tls: true));
        tls.AuthReply.Should().Be("235 2.7.0 Authentication successful");
        tls.RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void Tls_security_options_without_a_mechanism_drop_only_tls_sessions()
    {
        var config = Sasl + "smtpd_tls_auth_only = yes\nsmtpd_sasl_tls_security_options = noanonymous, nodictionary";

        SimulatorFixture.Run(config, Login(tls: true)).Error.Should().Be("no SASL authentication mechanisms");
        SimulatorFixture.Run(config, Login(tls: false)).RcptReply.Should().Be("554 5.7.1 <someone@gmail.com>: Relay access denied");
    }

    [Test]
    public void Dovecot_keeps_plain_under_nodictionary_and_noactive()
    {
        var config = Sasl + "smtpd_sasl_type = dovecot\nsmtpd_sasl_path = private/auth\nsmtpd_sasl_security_options = noanonymous, nodictionary, noactive";

        SimulatorFixture.Run(config, Login(tls: false)).AuthReply.Should().Be("235 2.7.0 Authentication successful");
        var noPlaintext = SimulatorFixture.Run(config.Replace("noactive", "noplaintext", StringComparison.Ordinal), Login(tls: false));
        noPlaintext.Error.Should().Be("no SASL authentication mechanisms");
        noPlaintext.Warnings.Should().BeEmpty();
    }
}
