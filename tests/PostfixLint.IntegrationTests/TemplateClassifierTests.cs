using PostfixLint.IntegrationTests.Support;

namespace PostfixLint.IntegrationTests;

/// <summary>The corpus template classifier: Postfix's own brace syntax must not be mistaken for a template.</summary>
public sealed class TemplateClassifierTests
{
    [TestCase("main.cf.j2", "myhostname = x\n")]
    [TestCase("main.cf.erb", "myhostname = x\n")]
    [TestCase("main.cf.in.demo", "myhostname = x\n")]
    [TestCase("main.cf", "myhostname = {{ hostname }}\n")]
    [TestCase("main.cf", "{% if relay %}\nrelayhost = x\n{% endif %}\n")]
    [TestCase("main.cf", "myhostname = <%= @hostname %>\n")]
    [TestCase("main.cf", "myhostname = [% hostname %]\n")]
    [TestCase("main.cf", "myhostname = %(hostname)s\n")]
    [TestCase("main.cf", "mynetworks = {{var}}\n")]
    public void Recognises_a_template(string name, string content) =>
        TemplateClassifier.Classify(name, content).Should().NotBeNull();

    [TestCase("main.cf", "canonical_maps = inline:{{a=b}, {c=d}}\n")]
    [TestCase("main.cf", "relay_domains = ${{$compatibility_level} <level {2} ? {$mydestination} : {}}\n")]
    [TestCase("main.cf", "x = ${stress?{1}}${stress:5} $$ ${data_directory}\n")]
    [TestCase("postfix-main.cf", "smtpd_client_restrictions = cidr:{{!172.16.0.42 REJECT}}\n")]
    [TestCase("main.cf", "milter_mail_macros = i {auth_type} {mail_addr}\n")]
    public void Keeps_literal_postfix_syntax_real(string name, string content) =>
        TemplateClassifier.Classify(name, content).Should().BeNull();
}
