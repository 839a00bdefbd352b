using PostfixLint.Analysis;
using PostfixLint.Testing;

namespace PostfixLint.Tests.Analysis;

/// <summary>Another mail server's configuration directory is recognised as such, a Postfix one is not.</summary>
public sealed class ForeignConfigDetectorTests
{
    private static string Case(string name) => RepositoryLayout.TestData("foreign", name);

    [TestCase("exim4", "Exim", "update-exim4.conf.conf")]
    [TestCase("exim_single", "Exim", "exim.conf")]
    [TestCase("sendmail", "Sendmail", "sendmail.mc")]
    [TestCase("sendmail_other_mc", "Sendmail", "mail.example.com.mc")]
    [TestCase("qmail", "qmail", "control/rcpthosts")]
    [TestCase("opensmtpd", "OpenSMTPD", "smtpd.conf")]
    [TestCase("exim_in_main_cf", "Exim", "main.cf: \"begin acl\"")]
    public void Recognises_another_mail_servers_configuration(string name, string mta, string evidence)
    {
        var found = ForeignConfigDetector.Detect(Case(name));

        found.Should().NotBeNull();
        found!.Mta.Should().Be(mta);
        found.Evidence.Should().Be(evidence);
        found.Message.Should().Contain("is not a Postfix configuration").And.Contain(mta);
    }

    [TestCase("postfix_ok")]
    [TestCase("stray_line_ok")]
    public void Does_not_report_a_postfix_configuration(string name) =>
        ForeignConfigDetector.Detect(Case(name)).Should().BeNull();

    [Test]
    public void Does_not_report_a_missing_directory() =>
        ForeignConfigDetector.Detect(Case("no-such-directory")).Should().BeNull();

    [Test]
    public void Recognises_sendmail_m4_pasted_into_main_cf() =>
        ForeignConfigDetector.DetectInMainCf("divert(-1)dnl\nOSTYPE(`debian')dnl\nFEATURE(`access_db')dnl\n", "/etc/mail")
            !.Mta.Should().Be("Sendmail");
}
