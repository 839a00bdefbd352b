using PostfixLint.Analysis;
using PostfixLint.Diagnostics;
using PostfixLint.Model;

namespace PostfixLint.Tests.Analysis.Rules.Sasl;

/// <summary>Per-listener behaviour of the SASL and TLS rules that the main.cf goldens cannot show: master.cf fixes and grouping.</summary>
public sealed class SaslListenerRuleTests
{
    private const string Stock = "smtp      inet  n       -       y       -       -       smtpd\n";

    [Test]
    public void Reports_one_finding_for_a_main_cf_guard_shared_by_two_listeners()
    {
        var findings = Lint(
            "compatibility_level = 3.6\nmydestination = localhost\nsmtpd_sasl_auth_enable = yes\nsmtpd_tls_auth_only = yes\nsmtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n",
            Stock + "2525      inet  n       -       y       -       -       smtpd\n",
            "PFL301");

        findings.Should().ContainSingle().Which.Message.Should().Contain("listeners `smtp` (master.cf:1), `2525` (master.cf:2)");
    }

    [Test]
    public void Inserts_permit_sasl_authenticated_into_the_listener_override_with_a_comma()
    {
        var master = Stock + "submission inet n       -       y       -       -       smtpd\n  -o smtpd_sasl_auth_enable=yes\n  -o smtpd_relay_restrictions=permit_mynetworks,reject_unauth_destination\n";

        FixedMaster("compatibility_level = 3.6\nmydestination = localhost\n", master, "PFL301")
            .Should().Contain("-o smtpd_relay_restrictions=permit_mynetworks,permit_sasl_authenticated,reject_unauth_destination\n");
    }

    [Test]
    public void Adds_tls_auth_only_as_a_new_option_after_the_listener_sasl_switch()
    {
        var master = Stock + "2587      inet  n       -       y       -       -       smtpd\n  -o syslog_name=postfix/2587\n  -o smtpd_sasl_auth_enable=yes\n";

        FixedMaster("compatibility_level = 3.6\n", master, "PFL305")
            .Should().EndWith("  -o smtpd_sasl_auth_enable=yes\n  -o smtpd_tls_auth_only=yes\n");
    }

    [Test]
    public void Adds_the_missing_submission_options_after_the_last_option()
    {
        var master = Stock + "submission inet n       -       y       -       -       smtpd\n  -o syslog_name=postfix/submission\n";

        FixedMaster("compatibility_level = 3.6\n", master, "PFL308")
            .Should().EndWith("  -o syslog_name=postfix/submission\n  -o smtpd_sasl_auth_enable=yes\n  -o smtpd_tls_security_level=encrypt\n");
    }

    [Test]
    public void Does_not_report_plaintext_auth_on_a_loopback_listener()
    {
        Lint("compatibility_level = 3.6\n", Stock + "127.0.0.1:10025 inet n  -       n       -       -       smtpd\n  -o smtpd_sasl_auth_enable=yes\n", "PFL305")
            .Should().BeEmpty();
    }

    [Test]
    public void Does_not_report_debian_default_configuration()
    {
        var findings = Lint(File.ReadAllText("/usr/share/postfix/main.cf.debian"), File.ReadAllText("/etc/postfix/master.cf"), "PFL3");

        findings.Should().BeEmpty();
    }

    private static string FixedMaster(string main, string master, string id)
    {
        var finding = Lint(main, master, id).Should().ContainSingle().Subject;
        var fix = finding.Fix;
        fix.Should().NotBeNull();
        var path = fix!.Paths.Should().ContainSingle().Subject;
        Path.GetFileName(path).Should().Be("master.cf");
        return TextEditApplier.Apply(master, fix.EditsFor(path)).Text;
    }

    private static List<Diagnostic> Lint(string main, string master, string idPrefix)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pfl-sasl-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, "main.cf"), main);
            File.WriteAllText(Path.Combine(directory, "master.cf"), master);
            var config = PostfixConfig.Load(directory, new ConfigLoadOptions { Host = EngineLinter.Host, Root = directory });
            return [.. Linter.Check(config).Findings.Where(f => f.Id.StartsWith(idPrefix, StringComparison.Ordinal))];
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
