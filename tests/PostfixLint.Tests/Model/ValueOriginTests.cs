using System.Net;
using PostfixLint.Model;
using PostfixLint.Model.Catalog;
using PostfixLint.Syntax;

namespace PostfixLint.Tests.Model;

public sealed class ValueOriginTests
{
    private static readonly HostFacts Host = new(
        "mx",
        [new HostInterfaceAddress("lo", IPAddress.Loopback, 8), new HostInterfaceAddress("eth0", IPAddress.Parse("198.51.100.7"), 24)],
        4242);

    private static PostfixConfig Load(ConfigDirectory directory, HostFacts? host = null) =>
        PostfixConfig.Load(directory.Path, new ConfigLoadOptions { Host = host ?? Host });

    private static string At(string text, SourceLocation? location) =>
        text.Substring(location!.Value.Span.Start, location.Value.Span.Length);

    [Test]
    public void Items_written_in_the_value_keep_their_span_beside_an_expansion()
    {
        const string text = "smtpd_relay_restrictions = permit_mynetworks, $extra, reject_unauth_destination\n" +
            "extra = permit_sasl_authenticated check_client_access hash:/etc/postfix/access\n";
        using var directory = ConfigDirectory.Create(text);

        var list = Load(directory).GetRestrictionList("smtpd_relay_restrictions")!.Value;

        list.Select(r => r.Name).Should().Equal("permit_mynetworks", "permit_sasl_authenticated", "check_client_access", "reject_unauth_destination");
        var first = list[0].Origin!;
        (first.Parameter, first.Kind, first.IsExpanded).Should().Be(("smtpd_relay_restrictions", ProvenanceKind.MainCf, false));
        first.Location!.Value.Path.Should().Be(directory.Path + "/main.cf");
        At(text, first.Location).Should().Be("permit_mynetworks");
        At(text, list[3].Origin!.Location).Should().Be("reject_unauth_destination");
        list[3].Origin!.IsExpanded.Should().BeFalse();
    }

    [Test]
    public void Items_from_another_parameter_point_at_its_text_and_say_how_they_got_there()
    {
        const string text = "smtpd_relay_restrictions = permit_mynetworks, $extra, reject_unauth_destination\n" +
            "extra = permit_sasl_authenticated check_client_access hash:/etc/postfix/access\n";
        using var directory = ConfigDirectory.Create(text);

        var list = Load(directory).GetRestrictionList("smtpd_relay_restrictions")!.Value;

        var sasl = list[1].Origin!;
        (sasl.Parameter, sasl.IsExpanded, sasl.ContainsExpansion).Should().Be(("extra", true, false));
        At(text, sasl.Location).Should().Be("permit_sasl_authenticated");
        var step = sasl.ExpandedThrough.Should().ContainSingle().Subject;
        (step.Name, step.ReferencedFrom).Should().Be(("extra", "smtpd_relay_restrictions"));
        At(text, step.Location).Should().Be("$extra");
        At(text, list[2].Argument!.Value.Origin!.Location).Should().Be("hash:/etc/postfix/access");
    }

    [Test]
    public void Follows_references_through_several_parameters()
    {
        const string text = "smtpd_client_restrictions = ${outer}\nouter = x, $(inner)\ninner = reject\n";
        using var directory = ConfigDirectory.Create(text);

        var origin = Load(directory).GetRestrictionList("smtpd_client_restrictions")!.Value[1].Origin!;

        origin.Parameter.Should().Be("inner");
        At(text, origin.Location).Should().Be("reject");
        origin.ExpandedThrough.Select(s => (s.Name, s.ReferencedFrom, At(text, s.Location)))
            .Should().Equal(("outer", "smtpd_client_restrictions", "${outer}"), ("inner", "outer", "$(inner)"));
    }

    [Test]
    public void Spans_land_on_the_right_physical_line_of_a_continued_value()
    {
        const string text = "mynetworks = 127.0.0.0/8,\n# office\n    $office\n    10.0.0.0/8\noffice =\n  192.0.2.0/24\n";
        using var directory = ConfigDirectory.Create(text);

        var config = Load(directory);
        var entries = config.GetNetworkList("mynetworks")!.Value.Entries;

        entries.Select(e => At(text, e.Origin!.Location)).Should().Equal("127.0.0.0/8", "192.0.2.0/24", "10.0.0.0/8");
        entries.Select(e => config.MainCf!.Document.Lines.GetPosition(e.Origin!.Location!.Value.Span.Start))
            .Should().Equal(new LinePosition(1, 14), new LinePosition(6, 3), new LinePosition(4, 5));
        At(text, entries[1].Origin!.ExpandedThrough.Single().Location).Should().Be("$office");
    }

    [Test]
    public void Text_from_several_values_is_placed_where_all_of_it_is_referenced()
    {
        const string text = "smtpd_helo_restrictions = a$$b, pre$suffix, ${flag?{$flag, tail}:none}\nsuffix = fix\nflag = yes\n";
        using var directory = ConfigDirectory.Create(text);

        var list = Load(directory).GetList("smtpd_helo_restrictions")!.Value;

        list.Select(e => e.Text).Should().Equal("a$b", "prefix", "yes", "tail");
        At(text, list[0].Origin!.Location).Should().Be("a$$b");
        var mixed = list[1].Origin!;
        (mixed.Parameter, mixed.ContainsExpansion, mixed.IsExpanded).Should().Be(("smtpd_helo_restrictions", true, true));
        At(text, mixed.Location).Should().Be("pre$suffix");
        list[2].Origin!.Parameter.Should().Be("flag");
        At(text, list[3].Origin!.Location).Should().Be("tail");
    }

    [Test]
    public void Items_of_a_built_in_default_have_no_span_and_say_so()
    {
        using var directory = ConfigDirectory.Create("compatibility_level = 3.6\n");

        var config = Load(directory);
        var read = config.GetRestrictionList("smtpd_relay_restrictions")!;

        read.Value.Select(r => r.Name).Should().Equal("permit_mynetworks", "permit_sasl_authenticated", "defer_unauth_destination");
        read.Value.Should().AllSatisfy(r => r.Origin!.Should().Match<ValueOrigin>(o => o.Kind == ProvenanceKind.Default && o.Location == null && !o.HasSource));
        var first = read.Value[0].Origin!;
        read.Parameter.Value.Substring(first.ValueSpan.Start, first.ValueSpan.Length).Should().Be("permit_mynetworks");
    }

    [Test]
    public void Defaults_computed_from_the_host_are_marked_and_use_the_given_facts()
    {
        using var directory = ConfigDirectory.Create("smtpd_helo_restrictions = check_helo_access inline:{$myhostname=OK}\n");
        var laptop = new HostFacts("laptop", [new HostInterfaceAddress("lo", IPAddress.Loopback, 8)], 1);

        var server = Load(directory);
        var other = Load(directory, laptop);

        server.GetParameter("mynetworks")!.Provenance.Kind.Should().Be(ProvenanceKind.HostComputed);
        server.GetParameter("mynetworks")!.IsDefault.Should().BeTrue();
        server.GetParameter("myhostname")!.Provenance.Kind.Should().Be(ProvenanceKind.HostComputed);
        server.GetParameter("smtpd_banner")!.Provenance.Kind.Should().Be(ProvenanceKind.Default);
        var networks = server.GetNetworkList("mynetworks")!.Value.Entries;
        networks.Select(e => e.Text).Should().Equal("127.0.0.0/8", "198.51.100.0/24");
        networks.Should().AllSatisfy(e => e.Origin!.Should().Match<ValueOrigin>(o => o.Kind == ProvenanceKind.HostComputed && o.Location == null));
        other.GetNetworkList("mynetworks")!.Value.Entries.Select(e => e.Text).Should().Equal("127.0.0.0/8");
        other.Expand("myhostname").Should().Be("laptop.localdomain");

        var argument = server.GetRestrictionList("smtpd_helo_restrictions")!.Value.Single().Argument!.Value;
        argument.Text.Should().Be("inline:{mx.localdomain=OK}");
        argument.Origin!.ContainsExpansion.Should().BeTrue();
    }

    [Test]
    public void Master_cf_overrides_map_to_their_text_in_master_cf()
    {
        const string master = "submission inet n - n - - smtpd\n" +
            "  -o smtpd_client_restrictions=permit_sasl_authenticated,$reject_rule\n" +
            "  -o reject_rule=reject\n" +
            "smtps inet n - n - - smtpd\n" +
            "  -o { smtpd_client_restrictions = permit_mynetworks,\n    reject }\n";
        using var directory = ConfigDirectory.Create("smtpd_client_restrictions = permit\n", master);

        var config = Load(directory);
        var submission = config.GetRestrictionList("smtpd_client_restrictions", config.Services[0])!;
        var smtps = config.GetRestrictionList("smtpd_client_restrictions", config.Services[1])!;

        submission.Parameter.Provenance.Kind.Should().Be(ProvenanceKind.MasterCf);
        submission.Value.Select(r => (r.Origin!.Parameter, r.Origin.Kind, At(master, r.Origin.Location))).Should().Equal(
            ("smtpd_client_restrictions", ProvenanceKind.MasterCf, "permit_sasl_authenticated"),
            ("reject_rule", ProvenanceKind.MasterCf, "reject"));
        submission.Value[1].Origin!.Location!.Value.Path.Should().Be(directory.Path + "/master.cf");
        At(master, submission.Value[1].Origin!.ExpandedThrough.Single().Location).Should().Be("$reject_rule");

        var reject = smtps.Value[1].Origin!.Location!.Value;
        At(master, reject).Should().Be("reject");
        config.MasterCf!.Document.Lines.GetPosition(reject.Span.Start).Should().Be(new LinePosition(6, 5));
        config.ToSourceSpan(smtps.Parameter, new TextSpan(0, 17)).Should().Be(new TextSpan(master.IndexOf("permit_mynetworks", StringComparison.Ordinal), 17));

        config.GetRestrictionList("smtpd_client_restrictions")!.Value.Single().Origin!.Kind.Should().Be(ProvenanceKind.MainCf);
    }

    [Test]
    public void Names_in_inet_interfaces_resolve_with_the_given_facts()
    {
        using var directory = ConfigDirectory.Create("inet_interfaces = mailhost\nmynetworks_style = host\n");
        var server = new HostFacts("mx", [new HostInterfaceAddress("eth0", IPAddress.Parse("192.0.2.5"), 24)], 1)
        {
            ResolveHost = name => name == "mailhost" ? [IPAddress.Parse("192.0.2.5")] : [],
        };

        var config = Load(directory, server);

        var entry = config.GetNetworkList("mynetworks")!.Value.Entries.Single();
        entry.Text.Should().Be("192.0.2.5/32");
        entry.Origin!.Kind.Should().Be(ProvenanceKind.HostComputed);
    }
}
