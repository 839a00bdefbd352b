using System.Net;
using PostfixLint.Model;
using PostfixLint.Model.Catalog;
using PostfixLint.Syntax;
using PostfixLint.Diagnostics;

namespace PostfixLint.Tests.Model;

public sealed class PostfixConfigTests
{
    private static readonly HostFacts Host = new(
        "mx",
        [new HostInterfaceAddress("lo", IPAddress.Loopback, 8), new HostInterfaceAddress("eth0", IPAddress.Parse("198.51.100.7"), 24)],
        4242);

    private static PostfixConfig Load(ConfigDirectory directory) =>
        PostfixConfig.Load(directory.Path, new ConfigLoadOptions { Host = Host });

    [Test]
    public void The_last_definition_wins_and_remembers_what_it_replaced()
    {
        using var directory = ConfigDirectory.Create("myhostname = a.example\n# x\nmyhostname = b.example\n");

        var config = Load(directory);
        var parameter = config.GetParameter("myhostname")!;

        parameter.Value.Should().Be("b.example");
        parameter.Provenance.Should().Be(new Provenance(ProvenanceKind.MainCf, directory.Path + "/main.cf", 3, parameter.Provenance.Span));
        parameter.Overridden.Should().ContainSingle().Which.Value.Should().Be("a.example");
        config.Messages.Select(m => m.Message).Should().Contain($"{directory.Path}/main.cf, line 3: overriding earlier entry: myhostname=a.example");
    }

    [Test]
    public void A_repeated_identical_value_is_not_a_warning()
    {
        using var directory = ConfigDirectory.Create("biff = no\nbiff = no\n");

        Load(directory).Messages.Should().NotContain(m => m.Message.Contains("overriding", StringComparison.Ordinal));
    }

    [Test]
    public void Defaults_have_no_source()
    {
        using var directory = ConfigDirectory.Create("");

        var parameter = Load(directory).GetParameter("smtpd_delay_reject")!;

        parameter.IsDefault.Should().BeTrue();
        parameter.Provenance.Span.Should().BeNull();
        parameter.Value.Should().Be("yes");
    }

    [TestCase("0", "$mydestination")]
    [TestCase("1", "$mydestination")]
    [TestCase("2", "")]
    [TestCase("3.6", "")]
    public void Defaults_follow_the_compatibility_level(string level, string expected)
    {
        using var directory = ConfigDirectory.Create($"compatibility_level = {level}\nmydestination = here.example\n");

        var config = Load(directory);

        config.Expand("relay_domains").Should().Be(expected.Replace("$mydestination", "here.example", StringComparison.Ordinal));
    }

    [Test]
    public void Suggests_the_parameter_a_typo_meant()
    {
        using var directory = ConfigDirectory.Create("smtpd_relay_restriction = permit_mynetworks, reject_unauth_destination\n");

        var unknown = Load(directory).UnknownParameters.Should().ContainSingle().Subject;

        unknown.Definition.Name.Should().Be("smtpd_relay_restriction");
        unknown.Definition.Provenance.Line.Should().Be(1);
        unknown.Suggestions.Should().StartWith("smtpd_relay_restrictions");
    }

    [Test]
    public void A_referenced_user_parameter_is_known_and_an_unreferenced_one_is_not()
    {
        using var directory = ConfigDirectory.Create("office = 192.0.2.0/24\nunused_thing = 1\nmynetworks = 127.0.0.0/8 $office\n");

        var config = Load(directory);

        config.ClassOf("office").Should().Be(ParameterClass.UserDefined);
        config.ClassOf("unused_thing").Should().Be(ParameterClass.Unknown);
        config.UnknownParameters.Select(u => u.Definition.Name).Should().Equal("unused_thing");
        config.Expand("mynetworks").Should().Be("127.0.0.0/8 192.0.2.0/24");
    }

    [Test]
    public void Master_cf_services_define_their_transport_parameters()
    {
        using var directory = ConfigDirectory.Create(
            "relay_destination_concurrency_limit = 5\n",
            "relay     unix  -       -       n       -       -       smtp\n  -o smtp_helo_timeout=5 -o bogus_knob=1\n");

        var config = Load(directory);

        config.ClassOf("relay_destination_concurrency_limit").Should().Be(ParameterClass.ServiceDefined);
        config.Services.Should().ContainSingle().Which.Overrides.Select(o => o.Name).Should().Equal("smtp_helo_timeout", "bogus_knob");
        config.UnknownParameters.Select(u => (u.Definition.Name, u.Definition.Provenance.Kind))
            .Should().Equal(("bogus_knob", ProvenanceKind.MasterCf));
    }

    [Test]
    public void Restriction_spans_point_into_main_cf_across_continuation_lines()
    {
        var text = "smtpd_relay_restrictions = permit_mynetworks,\n    reject_unauth_destination\n";
        using var directory = ConfigDirectory.Create(text);

        var config = Load(directory);
        var list = config.GetRestrictionList("smtpd_relay_restrictions")!;
        var restriction = list.Value.Last();
        var source = config.ToSourceSpan(list.Parameter, restriction.Span)!.Value;

        restriction.Origin!.Location!.Value.Span.Should().Be(source);
        restriction.Origin.IsExpanded.Should().BeFalse();
        text.Substring(source.Start, source.Length).Should().Be("reject_unauth_destination");
        config.MainCf!.Document.Lines.GetPosition(source.Start).Should().Be(new LinePosition(2, 5));
    }

    [Test]
    public void Network_lists_are_read_after_expansion()
    {
        using var directory = ConfigDirectory.Create("mynetworks = 127.0.0.0/8, [::1]/128, !192.0.2.7 $extra\nextra = 192.0.2.0/24\n");

        var networks = Load(directory).GetNetworkList("mynetworks")!;

        networks.Value.Entries[3].Origin!.ExpandedThrough.Should().ContainSingle().Which.Name.Should().Be("extra");
        networks.Value.Entries.Select(e => e.Text).Should().Equal("127.0.0.0/8", "[::1]/128", "192.0.2.7", "192.0.2.0/24");
        networks.Value.Entries[2].IsNegated.Should().BeTrue();
    }

    [Test]
    public void Typed_scalars_read_the_expanded_value()
    {
        using var directory = ConfigDirectory.Create("smtpd_tls_auth_only = YES\nsmtpd_timeout = 2m\nsmtpd_recipient_limit = $limit\nlimit = 250\n");

        var config = Load(directory);

        config.GetBoolean("smtpd_tls_auth_only").Should().BeTrue();
        config.GetTime("smtpd_timeout").Should().Be(120);
        config.GetInteger("smtpd_recipient_limit").Should().Be(250);
    }

    [Test]
    public void Computed_defaults_come_from_the_host()
    {
        using var directory = ConfigDirectory.Create("");

        var config = Load(directory);

        config.Expand("myhostname").Should().Be("mx.localdomain");
        config.Expand("mynetworks").Should().Be("127.0.0.0/8 198.51.100.0/24 ");
        config.Expand("process_id").Should().Be("4242");
    }

    [Test]
    public void A_missing_main_cf_is_unusable_with_postfix_wording()
    {
        var path = Path.Combine(Path.GetTempPath(), "pfl-missing-" + Guid.NewGuid().ToString("N"));

        var config = PostfixConfig.Load(path, new ConfigLoadOptions { Host = Host });

        config.IsUsable.Should().BeFalse();
        config.Messages.Should().ContainSingle().Which.Should().Be(
            new Diagnostic(DiagnosticIds.FileNotReadable, DiagnosticSeverity.Fatal, $"{path}/main.cf", null, $"open {path}/main.cf: No such file or directory"));
    }

    [Test]
    public void Postconf_output_reads_back_to_the_same_listing()
    {
        var dump = "alias_maps = hash:/etc/aliases\nconfig_directory = /srv/mx1\nmydestination = $myhostname, localhost\nmyhostname = mx1.example.com\n";

        var config = PostfixConfig.FromPostconfOutput(dump, "dump.txt", new ConfigLoadOptions { Host = Host });
        var output = PostconfPrinter.Print(config, new PostconfQuery { NonDefaultOnly = true });

        config.SourceKind.Should().Be(ConfigSourceKind.PostconfOutput);
        config.ConfigDirectory.Should().Be("/srv/mx1");
        config.GetParameter("myhostname")!.Provenance.Should().Match<Provenance>(p => p.Kind == ProvenanceKind.PostconfOutput && p.Line == 4);
        output.Lines.Should().Equal(dump.TrimEnd('\n').Split('\n'));
        output.Messages.Should().BeEmpty();
        config.Expand("mydestination").Should().Be("mx1.example.com, localhost");
    }
}
