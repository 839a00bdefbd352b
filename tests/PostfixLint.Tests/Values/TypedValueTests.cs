using PostfixLint.Model.Values;
using PostfixLint.Syntax;
using PostfixLint.Diagnostics;

namespace PostfixLint.Tests.Values;

public sealed class TypedValueTests
{
    [Test]
    public void Splits_on_commas_and_white_space_but_not_inside_braces()
    {
        var elements = PostfixList.Split(" a,,b\t{ c, {d e} } ,f");

        elements.Select(e => e.Text).Should().Equal("a", "b", "{ c, {d e} }", "f");
        elements[2].Span.Should().Be(new TextSpan(6, 12));
    }

    [TestCase("1.2.3.4/24", "non-null host address bits in \"1.2.3.4/24\", perhaps you should use \"1.2.3.0/24\" instead")]
    [TestCase("10/8", "bad network value in \"10/8\"")]
    [TestCase("168.100.589.0/28", "bad network value in \"168.100.589.0/28\"")]
    [TestCase("10.0.0.0/33", "bad mask length in \"10.0.0.0/33\"")]
    [TestCase("10.0.0.0/255.0.0.0", "bad mask value in \"10.0.0.0/255.0.0.0\"")]
    [TestCase("[::1", "missing ']' character after \"[::1\"")]
    [TestCase("[::1]x", "garbage after \"[::1]\"")]
    [TestCase("[2001:db8::1]/32", "non-null host address bits in \"2001:db8::1/32\", perhaps you should use \"2001:db8::/32\" instead")]
    public void Reports_cidr_errors_with_postfix_texts(string pattern, string message)
    {
        NetworkList.ParseCidr(pattern, out _).Should().Be(message);
    }

    [TestCase("127.0.0.0/8", "127.0.0.0/8")]
    [TestCase("[::1]/128", "::1/128")]
    [TestCase("[2001:db8::/32]", "2001:db8::/32")]
    [TestCase("[::1]", "::1/128")]
    public void Parses_valid_networks(string pattern, string network)
    {
        NetworkList.ParseCidr(pattern, out var parsed).Should().BeNull();
        parsed.ToString().Should().Be(network);
    }

    [Test]
    public void Classifies_network_list_entries_and_stops_at_a_comment()
    {
        var result = NetworkList.Parse("!!10.0.0.1, 192.168.0.0/16 [::1]/128 example.com /etc/postfix/nets cidr:/etc/nets # office lan", "mynetworks");

        result.Entries.Select(e => e.Kind).Should().Equal(
            NetworkEntryKind.Address, NetworkEntryKind.Network, NetworkEntryKind.Network,
            NetworkEntryKind.Hostname, NetworkEntryKind.File, NetworkEntryKind.Table);
        result.Entries[0].NegationCount.Should().Be(2);
        result.Entries[0].IsNegated.Should().BeFalse();
        result.Entries[5].Map!.Type.Should().Be("cidr");
        result.Messages.Should().ContainSingle().Which.Message.Should().Be("mynetworks: comment at end of line is not supported: # office lan");
    }

    [Test]
    public void Takes_an_unbracketed_ipv6_network_for_a_table()
    {
        NetworkList.Parse("::1/128").Entries.Single().Kind.Should().Be(NetworkEntryKind.Table);
    }

    [Test]
    public void Reports_a_lone_negation_as_fatal()
    {
        NetworkList.Parse("10.0.0.0/8 !").Messages.Should().ContainSingle()
            .Which.Should().Be(new Diagnostic(DiagnosticIds.NetworkListNoPattern, DiagnosticSeverity.Fatal, null, null, "mynetworks: no pattern after '!'"));
    }

    [Test]
    public void Consumes_restriction_arguments_positionally()
    {
        var list = RestrictionList.Parse(
            "PERMIT_MYNETWORKS, check_client_access hash:/etc/a, warn_if_reject reject_rbl_client zen.spamhaus.org=127.0.0.[2..11], " +
            "check_policy_service inet:127.0.0.1:10023, sleep 5, hash:/etc/b, reject_unauth_destination",
            "smtpd_recipient_restrictions");

        list.Select(r => r.NormalizedName).Should().Equal(
            "permit_mynetworks", "check_client_access", "reject_rbl_client", "check_policy_service", "sleep",
            "check_recipient_access", "reject_unauth_destination");
        list[1].Argument!.Value.Text.Should().Be("hash:/etc/a");
        list[2].WarnIfReject.Should().BeTrue();
        list[2].Argument!.Value.Text.Should().Be("zen.spamhaus.org=127.0.0.[2..11]");
        list[5].IsImplicitAccessCheck.Should().BeTrue();
        list[5].Argument!.Value.Text.Should().Be("hash:/etc/b");
        list.Should().OnlyContain(r => r.Problem == null);
    }

    [Test]
    public void Takes_the_next_restriction_as_the_table_when_one_is_missing()
    {
        var list = RestrictionList.Parse("check_client_access permit", "smtpd_client_restrictions");

        list.Should().ContainSingle().Which.Problem.Should().Be(
            new RestrictionProblem(RestrictionProblemKind.BadTableArgument, "restriction check_client_access: bad argument \"permit\": need maptype:mapname"));
    }

    [Test]
    public void Has_no_default_access_check_in_the_data_restrictions()
    {
        var problem = RestrictionList.Parse("hash:/etc/x", "smtpd_data_restrictions").Single().Problem!;

        problem.Kind.Should().Be(RestrictionProblemKind.TableWithoutAccessCheck);
        problem.IsServerError.Should().BeTrue();
        problem.Warning.Should().StartWith("specify one of (check_client_access,").And.EndWith("before Data command restriction \"hash:/etc/x\"");
    }

    [Test]
    public void A_bare_table_in_a_class_means_the_access_check_of_the_calling_list()
    {
        var restriction = RestrictionList.Parse("hash:/etc/x", "check_helo_access", "Helo command").Single();

        restriction.Name.Should().Be("check_helo_access");
        restriction.IsImplicitAccessCheck.Should().BeTrue();
        restriction.Text.Should().Be("hash:/etc/x");
        restriction.Problem.Should().BeNull();
    }

    [Test]
    public void A_dnsxl_restriction_without_a_domain_only_warns()
    {
        var problem = RestrictionList.Parse("reject_rbl_client", "smtpd_client_restrictions").Single().Problem!;

        problem.Should().Be(new RestrictionProblem(RestrictionProblemKind.MissingDomainArgument, "restriction reject_rbl_client requires domain name argument"));
        problem.IsServerError.Should().BeFalse();
    }

    [Test]
    public void Keeps_a_trailing_warn_if_reject_as_a_dangling_prefix()
    {
        var list = RestrictionList.Parse("reject, WARN_IF_REJECT", "smtpd_client_restrictions");

        list.Should().HaveCount(2);
        list[1].IsDanglingWarnIfReject.Should().BeTrue();
        list[1].FirstToken.Should().Be("WARN_IF_REJECT");
    }

    [Test]
    public void Parses_map_references_with_braces()
    {
        var map = MapReference.Parse("inline:{ a=b, c=d }")!;

        map.Type.Should().Be("inline");
        map.IsBraced.Should().BeTrue();
        map.Body.Should().Be("a=b, c=d");
        MapReference.Parse("nocolon").Should().BeNull();
    }

    [TestCase("yes", true, true)]
    [TestCase("NO", true, false)]
    [TestCase("true", false, false)]
    public void Accepts_only_yes_and_no_as_booleans(string text, bool valid, bool value)
    {
        PostfixBoolean.TryParse(text, out var parsed).Should().Be(valid);
        parsed.Should().Be(value);
    }

    [TestCase("10", 's', true, 10)]
    [TestCase("2m", 's', true, 120)]
    [TestCase("1w", 's', true, 604800)]
    [TestCase("3", 'd', true, 259200)]
    [TestCase("10sx", 's', true, 10)]
    [TestCase("10 s", 's', false, 0)]
    [TestCase("10y", 's', false, 0)]
    [TestCase("-1s", 's', false, 0)]
    public void Converts_time_values_like_conv_time(string text, char unit, bool valid, int seconds)
    {
        PostfixTime.TryParse(text, unit, out var parsed).Should().Be(valid);
        parsed.Should().Be(seconds);
    }

    [TestCase("3.2.1", "3.2.1")]
    [TestCase("3.06", "3.6")]
    [TestCase("3", "3.0")]
    [TestCase("2", "2")]
    [TestCase("3.1023", "3.1023")]
    public void Parses_compatibility_levels(string text, string formatted)
    {
        CompatibilityLevel.Parse(text).ToString().Should().Be(formatted);
    }

    [TestCase("3.2.1.0")]
    [TestCase("3a.2.1")]
    [TestCase("3.")]
    [TestCase("3.1024")]
    [TestCase("-3")]
    [TestCase("3.-2.1")]
    public void Rejects_malformed_compatibility_levels(string text)
    {
        CompatibilityLevel.TryParse(text, out _, out var message).Should().BeFalse();
        message.Should().Be($"malformed compatibility level syntax: \"{text}\"");
    }

    [Test]
    public void Finds_names_in_both_branches_and_in_relational_operands()
    {
        var refs = MacroReferences.Find("x ${a?{$b}:{$c}} ${{$d} == {e}} $$f $g");

        refs.Select(r => r.Name).Should().Equal("a", "b", "c", "d", "g");
        refs[1].Span.Should().Be(new TextSpan(8, 1));
    }

    [Test]
    public void Stops_finding_names_after_a_syntax_error()
    {
        var scan = MacroReferences.Scan("$a ${b c} $d");

        scan.References.Select(r => r.Name).Should().Equal("a");
        scan.HasSyntaxError.Should().BeTrue();
        scan.Messages.Single().Message.Should().Be("attribute name syntax error at: \"...b>>> c\"");
    }
}
