using PostfixLint.Simulation;

namespace PostfixLint.Tests.Simulation;

/// <summary>smtpd_check.c semantics, with reply texts from the Postfix source and the [V] facts of the semantics reference.</summary>
[TestFixture]
public sealed class RelaySimulatorTests
{
    private const string RejectUnauth = "smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination";

    [Test]
    public void Client_ip_not_in_mynetworks_is_denied_relay_and_the_trace_says_why()
    {
        var result = SimulatorFixture.Run(RejectUnauth, SimulatorFixture.Remote());

        result.RcptReply.Should().Be("554 5.7.1 <someone@gmail.com>: Relay access denied");
        result.Decision.Should().Be(Decision.Reject);
        result.Trace.SelectMany(t => t.Notes).Should().Contain(n => n.StartsWith("192.168.1.100 is not in mynetworks (127.0.0.0/8", StringComparison.Ordinal));
        result.Trace.Should().Contain(t => t.Restriction == "permit_mynetworks" && t.Source.Kind == TraceSourceKind.File
                                                  && t.Source.Path!.EndsWith("main.cf", StringComparison.Ordinal) && t.Source.Line == 11);
    }

    [Test]
    public void Trace_entries_point_at_the_restriction_and_at_the_table_line_that_matched()
    {
        var result = SimulatorFixture.Run(
            RejectUnauth + "\nsmtpd_sender_restrictions = permit_auth_destination,\n    check_sender_access texthash:/etc/postfix/senders",
            SimulatorFixture.Remote(),
            files: new Dictionary<string, string> { ["senders"] = "# senders\nother@example.com OK\napp@example.com REJECT no\n" });

        var entry = result.Trace.Single(t => t.List == "smtpd_sender_restrictions" && t.Restriction.StartsWith("check_sender_access", StringComparison.Ordinal));
        entry.Result.Should().Be(TraceResult.Reject);
        entry.Source.Kind.Should().Be(TraceSourceKind.File);
        var mainCf = File.ReadAllText(entry.Source.Path!);
        var span = entry.Source.Span!.Value;
        mainCf.Substring(span.Start, span.Length).Should().Be("check_sender_access texthash:/etc/postfix/senders");
        entry.TableEntry!.Line.Should().Be(3);
        var table = File.ReadAllText(Path.Combine(Path.GetDirectoryName(entry.Source.Path!)!, "senders"));
        var line = entry.TableEntry.Span!.Value;
        table.Substring(line.Start, line.Length).Should().Be("app@example.com REJECT no");
    }

    [Test]
    public void An_expanded_list_points_at_the_parameter_that_wrote_it_and_a_default_has_no_span()
    {
        const string text = "relay = permit_mynetworks reject_unauth_destination\nsmtpd_relay_restrictions = $relay";
        var result = SimulatorFixture.Run(text, SimulatorFixture.Remote());

        var written = SimulatorFixture.Base.Replace("\r", "", StringComparison.Ordinal) + text;
        var line = written[..written.IndexOf("relay =", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var relay = result.Trace.Where(t => t.List == "smtpd_relay_restrictions").ToList();
        relay.Should().NotBeEmpty().And.OnlyContain(t => t.Source.Expanded && t.Source.Line == line && t.Source.Span != null);
        relay.Select(t => written.Substring(t.Source.Span!.Value.Start, t.Source.Span.Value.Length))
            .Should().Equal(relay.Select(t => t.Restriction).ToList());
        result.Trace.First(t => t.List == "smtpd_client_restrictions").Source.Kind.Should().Be(TraceSourceKind.Default);
        result.Trace.First(t => t.List == "smtpd_client_restrictions").Source.Span.Should().BeNull();
    }

    [Test]
    public void Permit_after_reject_unauth_destination_is_never_reached()
    {
        var result = SimulatorFixture.Run(
            "mynetworks = 127.0.0.0/8 192.168.1.100\nsmtpd_relay_restrictions =\nsmtpd_recipient_restrictions = reject_unauth_destination, permit_mynetworks",
            SimulatorFixture.Remote());

        result.RcptReply.Should().Be("554 5.7.1 <someone@gmail.com>: Relay access denied");
        result.Trace.Should().Contain(t => t.Result == TraceResult.NotReached
                                           && t.Notes.Contains("permit_mynetworks comes after reject_unauth_destination and is never reached"));
    }

    [Test]
    public void Defer_unauth_destination_answers_454()
    {
        var result = SimulatorFixture.Run("smtpd_relay_restrictions = permit_mynetworks, defer_unauth_destination", SimulatorFixture.Remote());

        result.RcptReply.Should().Be("454 4.7.1 <someone@gmail.com>: Relay access denied");
        result.Decision.Should().Be(Decision.Defer);
    }

    [Test]
    public void A_listener_on_loopback_only_cannot_be_reached_from_outside()
    {
        var result = SimulatorFixture.Run(RejectUnauth + "\ninet_interfaces = loopback-only", SimulatorFixture.Remote());

        result.Decision.Should().Be(Decision.Unreachable);
        result.Stage.Should().Be(SmtpStage.Connect);
        result.Error.Should().BeNull();
        result.Reachability.Should().Contain("listens on loopback only");
        result.MailFromReply.Should().BeNull();
        result.RcptReply.Should().BeNull();
        var entry = result.Trace.Should().ContainSingle().Subject;
        entry.List.Should().Be("connect");
        entry.Restriction.Should().Be("inet_interfaces = loopback-only");
        entry.Source.ToString().Should().EndWith("main.cf:12");
        entry.Notes.Should().ContainSingle(n => n.Contains("listens on loopback only", StringComparison.Ordinal));
    }

    [Test]
    public void A_login_where_AUTH_is_not_available_gets_the_503_the_client_sees_and_goes_on_unauthenticated()
    {
        var probe = SimulatorFixture.Remote() with { SaslLogin = "alice" };

        var off = SimulatorFixture.Run(RejectUnauth, probe);
        off.AuthReply.Should().Be("503 5.5.1 Error: authentication not enabled");
        off.RcptReply.Should().Be("554 5.7.1 <someone@gmail.com>: Relay access denied");

        var tlsFirst = SimulatorFixture.Run(RejectUnauth + "\nsmtpd_sasl_auth_enable = yes\nsmtpd_tls_auth_only = yes", probe);
        tlsFirst.AuthReply.Should().Be("503 5.5.1 Error: authentication not enabled");
        tlsFirst.RcptReply.Should().Be("554 5.7.1 <someone@gmail.com>: Relay access denied");

        var on = SimulatorFixture.Run(RejectUnauth + "\nsmtpd_sasl_auth_enable = yes", probe);
        on.AuthReply.Should().Be("235 2.7.0 Authentication successful");
        on.RcptReply.Should().Be("250 2.1.5 Ok");

        SimulatorFixture.Run(RejectUnauth + "\nsmtpd_sasl_auth_enable = yes", probe with { Helo = null }).AuthReply.Should().BeNull("without EHLO there is no AUTH command");
        SimulatorFixture.Run(RejectUnauth, SimulatorFixture.Remote()).AuthReply.Should().BeNull();
    }

    [Test]
    public void An_ipv6_client_cannot_reach_an_ipv4_only_server()
    {
        var result = SimulatorFixture.Run(RejectUnauth + "\ninet_protocols = ipv4", SimulatorFixture.Remote() with { Client = "2001:db8::25" });

        result.Decision.Should().Be(Decision.Unreachable);
        result.Reachability.Should().Contain("does not accept IPv6 clients such as 2001:db8::25");
        result.Trace.Should().ContainSingle().Which.Restriction.Should().Be("inet_protocols = ipv4");
    }

    [Test]
    public void A_listener_bound_to_another_address_is_unreachable()
    {
        var result = SimulatorFixture.Run(RejectUnauth, SimulatorFixture.Remote() with { Service = "192.0.2.1:smtp" },
            masterCf: "192.0.2.1:smtp inet  n       -       y       -       -       smtpd\n",
            options: new SimulatorOptions { ServerAddress = "127.0.0.1", NoPasswd = true });

        result.Decision.Should().Be(Decision.Unreachable);
        result.Reachability.Should().Contain("Postfix does not listen on 127.0.0.1");
        result.Trace.Should().ContainSingle().Which.Source.ToString().Should().EndWith("master.cf:1");
    }

    [Test]
    public void Assume_reachable_skips_the_reachability_checks()
    {
        var result = SimulatorFixture.Run(RejectUnauth + "\ninet_interfaces = loopback-only", SimulatorFixture.Remote(),
            options: new SimulatorOptions { AssumeReachable = true, NoPasswd = true });

        result.Decision.Should().Be(Decision.Reject);
        result.Reachability.Should().BeNull();
    }

    [Test]
    public void A_configuration_smtpd_refuses_stays_an_error_for_a_client_that_can_connect()
    {
        var result = SimulatorFixture.Run("compatibility_level = 0", SimulatorFixture.Remote() with { Client = "127.0.0.1" });

        result.Decision.Should().Be(Decision.Error);
        result.Reachability.Should().BeNull();
        result.Error.Should().StartWith("in parameter smtpd_relay_restrictions");
    }

    [Test]
    public void A_missing_master_cf_service_is_an_error_at_connect()
    {
        var result = SimulatorFixture.Run(RejectUnauth, SimulatorFixture.Remote() with { Service = "submission" },
            masterCf: "smtp      inet  n       -       y       -       -       smtpd\n");

        result.Decision.Should().Be(Decision.Error);
        result.Error.Should().Contain("no listener for \"submission\"");
    }

    [Test]
    public void Submission_overrides_apply_only_to_that_listener()
    {
        const string master = """
            smtp      inet  n       -       y       -       -       smtpd
            submission inet n       -       y       -       -       smtpd
              -o smtpd_sasl_auth_enable=yes
              -o smtpd_relay_restrictions=permit_sasl_authenticated,reject

            """;
        var probe = SimulatorFixture.Remote() with { SaslLogin = "alice" };

        SimulatorFixture.Run(RejectUnauth, probe with { Service = "submission" }, master).RcptReply.Should().Be("250 2.1.5 Ok");
        SimulatorFixture.Run(RejectUnauth, probe, master).RcptReply.Should().Be("554 5.7.1 <someone@gmail.com>: Relay access denied");
        SimulatorFixture.Run(RejectUnauth, probe with { Service = "submission", SaslLogin = null }, master).RcptReply
            .Should().Be("554 5.7.1 <someone@gmail.com>: Recipient address rejected: Access denied");
    }

    [Test]
    public void Sender_not_owned_in_sender_login_maps_is_rejected_with_the_owner_line()
    {
        var result = SimulatorFixture.Run(
            RejectUnauth + "\nsmtpd_sasl_auth_enable = yes\nsmtpd_sender_login_maps = hash:/etc/postfix/logins\nsmtpd_sender_restrictions = reject_sender_login_mismatch",
            SimulatorFixture.Remote() with { SaslLogin = "bob" },
            files: new Dictionary<string, string> { ["logins"] = "# owners\n\napp@example.com alice\n" });

        result.RcptReply.Should().Be("553 5.7.1 <app@example.com>: Sender address rejected: not owned by user bob");
        result.Trace.SelectMany(t => t.Notes).Should().Contain(n => n.StartsWith("bob does not own app@example.com in smtpd_sender_login_maps", StringComparison.Ordinal) && n.Contains(":3", StringComparison.Ordinal));
    }

    [Test]
    public void Compatibility_level_zero_without_restrictions_is_fatal()
    {
        var result = SimulatorFixture.Run("compatibility_level = 0", SimulatorFixture.Remote());

        result.Decision.Should().Be(Decision.Error);
        result.Error.Should().Be("in parameter smtpd_relay_restrictions or smtpd_recipient_restrictions, specify at least one working instance of: "
                                 + "reject_unauth_destination, defer_unauth_destination, reject, defer, defer_if_permit or check_relay_domains");
    }

    [Test]
    public void Unknown_restriction_answers_451_4_3_5()
    {
        var result = SimulatorFixture.Run("smtpd_relay_restrictions = permit_mynetwork, reject_unauth_destination", SimulatorFixture.Remote());

        result.RcptReply.Should().Be("451 4.3.5 Server configuration error");
        result.Warnings.Should().Contain("unknown smtpd restriction: \"permit_mynetwork\"");
    }

    [Test]
    public void Host_bits_in_mynetworks_answer_451_4_3_0()
    {
        var result = SimulatorFixture.Run(RejectUnauth + "\nmynetworks = 127.0.0.0/8 192.168.1.1/24", SimulatorFixture.Remote());

        result.RcptReply.Should().Be("451 4.3.0 <someone@gmail.com>: Temporary lookup failure");
        SimulatorFixture.Run(RejectUnauth + "\nmynetworks = 127.0.0.0/8 192.168.1.1/24", SimulatorFixture.Remote() with { Client = "127.0.0.1" })
            .RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void Negated_mynetworks_entry_excludes_the_client()
    {
        const string config = RejectUnauth + "\nmynetworks = !192.168.1.100 192.168.1.0/24 127.0.0.0/8";

        SimulatorFixture.Run(config, SimulatorFixture.Remote()).RcptReply.Should().Be("554 5.7.1 <someone@gmail.com>: Relay access denied");
        SimulatorFixture.Run(config, SimulatorFixture.Remote() with { Client = "192.168.1.101" }).RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void Ipv6_networks_must_be_bracketed_and_match_only_ipv6_clients()
    {
        const string config = RejectUnauth + "\nmynetworks = 127.0.0.0/8 [2001:db8:1::]/48";

        SimulatorFixture.Run(config, SimulatorFixture.Remote() with { Client = "2001:db8:1::5" }).RcptReply.Should().Be("250 2.1.5 Ok");
        SimulatorFixture.Run(config, SimulatorFixture.Remote() with { Client = "2001:db8:2::5" }).RcptReply.Should().Be("554 5.7.1 <someone@gmail.com>: Relay access denied");
    }

    [Test]
    public void Access_table_reject_gets_the_enhanced_status_code_inserted()
    {
        var files = new Dictionary<string, string> { ["access"] = "192.168.1 REJECT go away\nbad.example 550 5.7.0 not you\n" };
        var config = RejectUnauth + "\nsmtpd_client_restrictions = check_client_access hash:/etc/postfix/access";

        SimulatorFixture.Run(config, SimulatorFixture.Remote(), files: files).RcptReply
            .Should().Be("554 5.7.1 <unknown[192.168.1.100]>: Client host rejected: go away");
        SimulatorFixture.Run(config, SimulatorFixture.Remote() with { Client = "203.0.113.5", ClientName = "host.bad.example" }, files: files).RcptReply
            .Should().Be("550 5.7.0 <host.bad.example[203.0.113.5]>: Client host rejected: not you");
    }

    [Test]
    public void Access_table_dunno_stops_the_search_for_shorter_keys()
    {
        var files = new Dictionary<string, string> { ["access"] = "192.168.1.100 DUNNO\n192.168.1 REJECT\n" };
        var result = SimulatorFixture.Run(RejectUnauth + "\nsmtpd_client_restrictions = check_client_access hash:/etc/postfix/access",
            SimulatorFixture.Remote("root@mail.example.com"), files: files);

        result.RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void Access_ok_in_client_restrictions_does_not_open_the_relay()
    {
        var files = new Dictionary<string, string> { ["access"] = "192.168.1.100 OK\n" };
        var result = SimulatorFixture.Run(RejectUnauth + "\nsmtpd_client_restrictions = check_client_access hash:/etc/postfix/access",
            SimulatorFixture.Remote(), files: files);

        result.RcptReply.Should().Be("554 5.7.1 <someone@gmail.com>: Relay access denied");
    }

    [Test]
    public void Restriction_class_reached_through_sender_access_words_its_reply_for_the_sender()
    {
        var files = new Dictionary<string, string> { ["senders"] = "app@example.com strict\n" };
        var result = SimulatorFixture.Run(
            RejectUnauth + "\nsmtpd_restriction_classes = strict\nstrict = reject\nsmtpd_sender_restrictions = check_sender_access hash:/etc/postfix/senders",
            SimulatorFixture.Remote("root@mail.example.com"), files: files);

        result.RcptReply.Should().Be("554 5.7.1 <app@example.com>: Sender address rejected: Access denied");
    }

    [Test]
    public void Defer_if_permit_turns_the_final_permit_into_450()
    {
        var result = SimulatorFixture.Run(RejectUnauth + "\nsmtpd_client_restrictions = defer_if_permit", SimulatorFixture.Remote("root@mail.example.com"));

        result.RcptReply.Should().Be("450 4.7.0 <unknown[192.168.1.100]>: Client host rejected: defer_if_permit requested");
    }

    [Test]
    public void Warn_if_reject_only_logs()
    {
        var result = SimulatorFixture.Run(RejectUnauth + "\nsmtpd_client_restrictions = warn_if_reject reject", SimulatorFixture.Remote("root@mail.example.com"));

        result.RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void Unknown_local_recipient_is_rejected_even_after_a_permit()
    {
        var result = SimulatorFixture.Run(RejectUnauth, SimulatorFixture.Remote("nosuchuser@mail.example.com") with { Client = "127.0.0.1" });

        result.RcptReply.Should().Be("550 5.1.1 <nosuchuser@mail.example.com>: Recipient address rejected: User unknown in local recipient table");
    }

    [Test]
    public void Local_users_come_from_the_passwd_file_and_aliases()
    {
        SimulatorFixture.Run(RejectUnauth, SimulatorFixture.Remote("alice+tag@mail.example.com")).RcptReply.Should().Be("250 2.1.5 Ok");
        SimulatorFixture.Run(RejectUnauth, SimulatorFixture.Remote("postmaster@mail.example.com")).RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void Without_a_passwd_file_local_recipients_are_unknown()
    {
        var result = SimulatorFixture.Run(RejectUnauth, SimulatorFixture.Remote("alice@mail.example.com"), options: new SimulatorOptions { NoPasswd = true });

        result.Decision.Should().Be(Decision.Unknown);
        result.UnknownReason.Should().Contain("passwd");
    }

    [Test]
    public void Bare_postmaster_is_always_accepted()
    {
        var result = SimulatorFixture.Run("smtpd_relay_restrictions = reject", SimulatorFixture.Remote("postmaster"));

        result.RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void Dns_based_restrictions_are_unknown_with_the_reason()
    {
        var result = SimulatorFixture.Run(RejectUnauth + "\nsmtpd_client_restrictions = reject_rbl_client zen.spamhaus.org", SimulatorFixture.Remote());

        result.Decision.Should().Be(Decision.Unknown);
        result.UnknownReason.Should().Be("reject_rbl_client zen.spamhaus.org needs a DNS lookup");
    }

    [Test]
    public void Routed_recipients_are_never_authorized()
    {
        const string config = RejectUnauth + "\nrelay_domains = relay.example";

        SimulatorFixture.Run(config, SimulatorFixture.Remote("user@relay.example")).RcptReply.Should().Be("250 2.1.5 Ok");
        SimulatorFixture.Run(config, SimulatorFixture.Remote("sub.relay.example".Insert(0, "user@"))).RcptReply.Should().Be("250 2.1.5 Ok");
        SimulatorFixture.Run(config, SimulatorFixture.Remote("x%other@relay.example")).RcptReply.Should().Be("554 5.7.1 <x%other@relay.example>: Relay access denied");
        SimulatorFixture.Run(config, SimulatorFixture.Remote("\"user@else\"@relay.example")).RcptReply.Should().Be("554 5.7.1 <user@else@relay.example>: Relay access denied");
    }

    [Test]
    public void Upper_case_and_trailing_dot_domains_are_local()
    {
        SimulatorFixture.Run(RejectUnauth, SimulatorFixture.Remote("root@MAIL.Example.COM.")).RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void Relay_before_recipient_restrictions_depends_on_the_compatibility_level()
    {
        const string lists = "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\nsmtpd_recipient_restrictions = reject";

        SimulatorFixture.Run(lists, SimulatorFixture.Remote()).RcptReply.Should().Be("554 5.7.1 <someone@gmail.com>: Relay access denied");
        SimulatorFixture.Run(lists + "\nsmtpd_relay_before_recipient_restrictions = no", SimulatorFixture.Remote()).RcptReply
            .Should().Be("554 5.7.1 <someone@gmail.com>: Recipient address rejected: Access denied");
    }

    [Test]
    public void Non_fqdn_helo_and_sender_are_rejected_with_504()
    {
        SimulatorFixture.Run(RejectUnauth + "\nsmtpd_helo_restrictions = reject_non_fqdn_helo_hostname", SimulatorFixture.Remote() with { Helo = "laptop" })
            .RcptReply.Should().Be("504 5.5.2 <laptop>: Helo command rejected: need fully-qualified hostname");
        SimulatorFixture.Run(RejectUnauth + "\nsmtpd_sender_restrictions = reject_non_fqdn_sender", SimulatorFixture.Remote(sender: "app@localhost"))
            .RcptReply.Should().Be("504 5.5.2 <app@localhost>: Sender address rejected: need fully-qualified address");
    }

    [Test]
    public void Delay_reject_no_refuses_at_connect_before_the_greeting()
    {
        // smtpd_proto() sends the refusal before the 220 banner: the client reads it as the greeting and sends nothing
        // more (the real instance, seeds 10100, 10434, 10609 of the access-actions stream: no MAIL FROM reply).
        var result = SimulatorFixture.Run(RejectUnauth + "\nsmtpd_delay_reject = no\nsmtpd_client_restrictions = reject", SimulatorFixture.Remote() with { SaslLogin = "alice" });

        result.Stage.Should().Be(SmtpStage.Connect);
        result.Decision.Should().Be(Decision.Reject);
        result.ConnectReply.Should().Be("554 5.7.1 <unknown[192.168.1.100]>: Client host rejected: Access denied");
        result.AuthReply.Should().BeNull();
        result.MailFromReply.Should().BeNull();
        result.RcptReply.Should().BeNull();
    }
}
