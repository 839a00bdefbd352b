using PostfixLint.Model.Catalog;

namespace PostfixLint.Tests.Catalog;

/// <summary>"Did you mean" suggestions for unknown parameter names.</summary>
[TestFixture]
public sealed class ParameterSuggestionTests
{
    private static ParameterCatalog Catalog => ParameterCatalog.Postfix37;

    [TestCase("smtpd_relay_restriction", "smtpd_relay_restrictions")]
    [TestCase("mynetwork", "mynetworks")]
    [TestCase("mynetworks_stlye", "mynetworks_style")]
    [TestCase("smtpd_recipient_restriction", "smtpd_recipient_restrictions")]
    [TestCase("smtpd_sasl_auth_enabled", "smtpd_sasl_auth_enable")]
    [TestCase("myorign", "myorigin")]
    [TestCase("MyNetworks", "mynetworks")]
    [TestCase("relay_domain", "relay_domains")]
    [TestCase("smtpd_tls_cert", "smtpd_tls_cert_file")]
    [TestCase("virtual_alias_map", "virtual_alias_maps")]
    public void Suggests_the_intended_name_first(string typo, string intended)
    {
        var suggestions = Catalog.Suggest(typo);

        suggestions.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(3);
        suggestions[0].Should().Be(intended);
        suggestions.Should().OnlyContain(s => Catalog.IsBuiltIn(s));
    }

    [TestCase("foo")]
    [TestCase("completely_unrelated_thing")]
    [TestCase("")]
    public void Suggests_nothing_for_names_far_from_every_parameter(string name)
    {
        Catalog.Suggest(name).Should().BeEmpty();
    }

    [Test]
    public void Does_not_suggest_a_known_name_to_itself()
    {
        Catalog.Suggest("mynetworks").Should().NotContain("mynetworks");
    }
}
