using System.Collections.Immutable;
using System.Text;
using PostfixLint.IntegrationTests.Instance;

namespace PostfixLint.IntegrationTests.Simulation;

/// <summary>A seeded generator of relay configurations × probes for the differential suite (same seed, same case).</summary>
/// <remarks>
/// Dimensions: mynetworks forms (CIDR, hosts, negation, host bits, bad masks, IPv6 brackets, default style), restriction
/// orders in smtpd_relay_restrictions or smtpd_recipient_restrictions, SASL on/off, sender login maps with the
/// *_sender_login_mismatch family, client/sender/recipient access tables (OK, REJECT [text], DUNNO, 4xx/5xx text),
/// regexp/pcre access tables and sender login maps, restriction classes (also named from a table's right-hand side),
/// smtp + submission listeners with <c>-o</c> overrides, relay_domains (list, table, parent-domain matching) and virtual
/// alias domains (explicit or from the map's keys), compatibility levels 0/1/2/3.6, and typos such as <c>permit_mynetwork</c>.
/// The first three streams keep smtpd_delay_reject = yes: client restrictions then run at RCPT TO, after XCLIENT has set the client.
/// The rest of the dialogue (issue 9 §3) comes from a second random stream, so the older dimensions of a seed stay as
/// they were: STARTTLS for real (<c>tls</c>), smtpd_tls_auth_only, smtpd_tls_security_level = encrypt (main.cf or a
/// submission <c>-o</c>), a wrapper-mode smtps listener, AUTH where it is not available, relocated_maps,
/// strict_rfc821_envelopes, allow_untrusted_routing, source routes and other address syntax, and alias tables in a file
/// not called <c>aliases</c>. SMTPUTF8 comes from a third stream: smtputf8_enable, strict_smtputf8, a U-label in
/// mydestination, the MAIL FROM parameter and UTF-8 addresses. access(5) actions and reply shaping come from a fourth
/// stream (see <see cref="AddAccessActions"/>), which also brings smtpd_delay_reject = no. Recipient and sender address
/// classes come from a fifth stream, drawn last (see <see cref="AddAddressClasses"/>).
/// </remarks>
public static class ConfigurationGenerator
{
    private static readonly string[] NetworkPool =
    [
        "127.0.0.0/8", "192.168.1.0/24", "192.168.1.100", "192.168.1.100/32", "!192.168.1.100", "10.0.0.0/8", "172.16.0.0/12",
        "203.0.113.0/25", "host.example.net", ".example.net",
    ];

    // cidr_match_parse() errors: every IPv4 client that reaches them gets 451 4.3.0, so they are kept rare.
    private static readonly string[] BrokenNetworkPool = ["192.168.1.5/24", "192.168.1.0/33"];

    private static readonly string[] ClientPool = ["127.0.0.1", "192.168.1.100", "192.168.1.101", "10.1.2.3", "203.0.113.7", "203.0.113.200", "172.20.1.1", "198.51.100.20"];

    private static readonly string[] SenderPool =
    [
        "app@example.com", "shared@example.com", "anyone@example.org", "spammer@example.net", "", "other@example.com", "App@Example.COM",
        "alice@example.com", "bob+lists@example.org", "carol@example.com", "nosuchuser@mail.example.com", "root@mail.example.com", "user@relay.example",
        "alias@virtual.example", "nobody@virtual.example",
    ];

    private static readonly string[] LoginPool = ["alice", "bob", "carol@example.com", "app"];

    private static readonly string[] RecipientPool =
    [
        "x@gmail.com", "root@mail.example.com", "user@relay.example", "user@sub.relay.example", "alias@virtual.example", "blocked@example.com",
        "postmaster@example.com", "nosuchuser@mail.example.com", "X@GMAIL.COM", "root+tag@mail.example.com", "user@mail.example.com.",
        "user@other.example", "a%b@mail.example.com", "user@[127.0.0.1]", "User@Relay.Example", "list@sub.other.example",
    ];

    private static readonly string[] DialogueRecipientPool =
    [
        "moved@mail.example.com", "x@relocated.example", "info@mail.example.com", "Sales@mail.example.com", "a b@mail.example.com",
        "\"a b\"@mail.example.com", "@a.example:root@mail.example.com", "@a.example,@b.example:x@gmail.com", "root@[127.0.0.1]", "user%relay.example@mail.example.com",
    ];

    private static readonly string[] DialogueSenderPool = ["a b@example.com", "\"a b\"@example.com", "@a.example:app@example.com", "moved@mail.example.com"];

    // UTF-8 local parts, U-labels (one in mydestination when the case leaves mydestination alone), an A-label, a domain
    // that casefolds to ASCII and one IDNA refuses.
    private static readonly string[] Utf8RecipientPool =
    [
        "j\u00f6rg@mail.example.com", "root@b\u00fccher.example", "root@B\u00dcCHER.example", "root@xn--bcher-kva.example", "x@ex\u00e4mple.org",
        "x@stra\u00dfe.example", "x@-b\u00fccher.example",
    ];

    // access(5) right-hand sides: actions with and without text, numeric replies in and out of range, restriction names.
    private static readonly string[] AccessActionPool =
    [
        "OK", "DUNNO", "REJECT", "REJECT custom reject text", "DEFER", "DEFER try again later", "DEFER_IF_REJECT", "DEFER_IF_REJECT maybe later",
        "DEFER_IF_PERMIT", "DEFER_IF_PERMIT not now", "450", "550", "554 5.7.1 denied by policy", "450 4.7.1 busy here", "550 no dsn here",
        "421 4.3.2 closing", "521 5.7.1 go away", "551 4.7.1 mixed classes", "250 2.0.0 fine", "600 out of range", "399 too low", "4.7.1 dsn only",
        "permit", "reject", "defer", "permit_mynetworks", "reject_unauth_destination", "permit_auth_destination", "reject_non_fqdn_sender",
        "warn_if_reject", "WARN looks odd", "INFO noted", "HOLD", "HOLD quarantined", "DISCARD", "DISCARD silently", "PREPEND X-Test: yes",
        "REDIRECT root@mail.example.com", "FILTER smtp:[127.0.0.1]:10025", "BCC root@mail.example.com", "FROBNICATE", "ok", "Reject lower case",
        "OK extra text", "DUNNO extra", "reject_unknown_thing",
    ];

    private static readonly string[] AccessClassPool =
    [
        "permit", "reject", "defer", "permit_mynetworks, reject", "check_sender_access hash:/etc/postfix/acl_sender, defer", "reject_non_fqdn_sender, permit",
        "warn_if_reject reject", "defer_if_permit, permit", "defer_if_reject, reject", "reject_unauth_destination, permit", "permit_auth_destination, defer",
        "check_client_access hash:/etc/postfix/acl_client",
    ];

    private static readonly string[] FooterPool =
    [
        "For help, mail postmaster@example.com", "\\c (client $client_address)", "Contact $myhostname about $client_name", "\\c; sender <$sender>, recipient <$recipient>",
        "line one\\nline two", "helo was $helo_name", "\\c", "$undefined_macro text", "unbalanced ${name",
    ];

    private static readonly string[] ClientKeyPool =
    [
        "192.168.1.100", "192.168.1", "192.168", "203.0.113", "10", "127.0.0.1", "host.example.net", "example.net", ".example.net", "2001:db8:1::5", "2001:db8:1",
        "unknown", "other.example",
    ];

    private static readonly string[] ClientCidrPool = ["192.168.1.0/24", "203.0.113.0/25", "10.0.0.0/8", "192.168.1.100/32", "0.0.0.0/0", "172.16.0.0/12"];

    private static readonly string[] HeloKeyPool =
    [
        "nodots", "client.example.net", "example.net", ".example.net", "mail.example.com", "example.com", "[192.168.1.100]", "192.168.1.100", "bad_name.example",
    ];

    private static readonly string[] SenderKeyPool =
    [
        "app@example.com", "example.org", "other@", "example.com", ".example.com", "<>", "MAILER-DAEMON", "nullsender", "spammer@example.net", "mail.example.com",
        "user", "user@", "localhost",
    ];

    private static readonly string[] RecipientKeyPool =
    [
        "x@gmail.com", "gmail.com", "root@", "relay.example", ".relay.example", "postmaster@", "example.com", "mail.example.com", "root@mail.example.com", "user",
    ];

    private static readonly string[] ClientRestrictionPool =
    [
        "check_client_access hash:/etc/postfix/acl_client", "check_client_access cidr:/etc/postfix/acl_client.cidr", "permit_mynetworks", "warn_if_reject",
        "defer_if_permit", "defer_if_reject", "reject_unauth_pipelining", "check_sender_access hash:/etc/postfix/acl_sender_access", "permit_auth_destination",
    ];

    private static readonly string[] HeloRestrictionPool =
    [
        "check_helo_access hash:/etc/postfix/acl_helo", "reject_invalid_helo_hostname", "reject_non_fqdn_helo_hostname", "warn_if_reject reject_non_fqdn_helo_hostname",
        "permit_mynetworks", "check_client_access cidr:/etc/postfix/acl_client.cidr", "defer_if_reject",
    ];

    private static readonly string[] SenderRestrictionPool =
    [
        "check_sender_access hash:/etc/postfix/acl_sender_access", "reject_non_fqdn_sender", "warn_if_reject reject_non_fqdn_sender", "defer_if_permit",
        "reject_multi_recipient_bounce", "reject_unauth_pipelining", "check_helo_access hash:/etc/postfix/acl_helo", "permit_mynetworks", "reject_non_fqdn_recipient",
    ];

    private static readonly string[] RecipientRestrictionPool =
    [
        "check_recipient_access hash:/etc/postfix/acl_recipient", "reject_non_fqdn_recipient", "permit_auth_destination", "reject_unauth_destination",
        "warn_if_reject reject_unauth_destination", "defer_if_permit", "defer_if_reject", "reject_multi_recipient_bounce", "reject_non_fqdn_sender",
        "check_sender_access hash:/etc/postfix/acl_sender_access", "check_client_access hash:/etc/postfix/acl_client", "permit", "reject", "defer",
    ];

    private static readonly string[] AccessHeloPool =
    [
        "nodots", "client.example.net", "sub.example.net", "mail.example.com", "[192.168.1.100]", "[1.2.3]", "bad_name.example", "localhost", "Example.NET",
    ];

    private static readonly string[] AccessSenderPool = ["", "user", "user@localhost", "app@example.com", "other@example.org", "x@sub.example.com", "user@nodots"];

    private static readonly string[] AccessRecipientPool = ["root", "user@nodots", "x@gmail.com", "root@sub.relay.example", "user@localhost", "x@mail.example.com", "root@example.com"];

    // Recipient and sender address classes (local, virtual alias, virtual mailbox, relay, default) in their many spellings.
    // Local parts are names no passwd file has, except root (getpwnam() answers for root everywhere).
    private static readonly string[] AddressRecipientPool =
    [
        "root@mail.example.com", "nosuchuser@mail.example.com", "ROOT@MAIL.EXAMPLE.COM", "Root@Mail.Example.Com", "root+ext@mail.example.com", "root-ext@mail.example.com",
        "root+a-b@mail.example.com", "nosuchuser+root@mail.example.com", "info+x@mail.example.com", "postmaster@mail.example.com", "postmaster", "Postmaster", "abuse",
        "abuse@mail.example.com", "root", "nosuchuser", "root@localhost", "root@localhost.example.com", "root@example.com", "info@mail.example.com",
        "Info@mail.example.com", "\"root\"@mail.example.com", "\"no such\"@mail.example.com", "\"Root\"@mail.example.com", "root@mail.example.com.",
        "nosuchuser@mail.example.com.", "root@[127.0.0.1]", "nosuchuser@[127.0.0.1]", "root@[192.168.1.1]", "root@127.0.0.1", "root%mail.example.com@mail.example.com",
        "nosuchuser%mail.example.com@mail.example.com", "mail.example.com!root@mail.example.com", "user%relay.example@mail.example.com", "relay.example!user@mail.example.com",
        "x%gmail.com@mail.example.com", "alias@virtual.example", "other@virtual.example", "Alias@Virtual.Example", "alias+ext@virtual.example", "alias-ext@virtual.example",
        "anything@catchall.example", "anything+x@catchall.example", "u@maponly.example", "v@maponly.example", "admin@virtual.example", "admin@mail.example.com",
        "virt@regexp.example", "other@regexp.example", "box@mailbox.example", "nobox@mailbox.example", "box+ext@mailbox.example", "Box@MailBox.Example",
        "postmaster@mailbox.example", "postmaster@virtual.example", "user@relay.example", "known@relay.example", "known+ext@relay.example", "Known@Relay.Example",
        "x@sub.relay.example", "known@sub.relay.example", "x@relay2.example", "x@sub.relay2.example", "postmaster@relay.example", "x@local.example", "root@local.example",
        "root@sub.local.example", "x@sub.local.example", "x@gmail.com", "root@mail.example.com.example", "known@relay.example.", "x@192.168.1.1",
        "x@bad..dots.example", "root@[300.1.1.1]", "root@[IPv6:::1]", "x@under_score.example",
    ];

    private static readonly string[] AddressSenderPool =
    [
        "root@mail.example.com", "nosuchuser@mail.example.com", "ROOT@Mail.Example.COM", "root+ext@mail.example.com", "nosuchuser+root@mail.example.com", "alias@virtual.example",
        "x@virtual.example", "anything@catchall.example", "box@mailbox.example", "nobox@mailbox.example", "known@relay.example", "x@relay.example", "x@sub.relay.example",
        "root@mail.example.com.", "\"root\"@mail.example.com", "root%mail.example.com@mail.example.com", "root@[127.0.0.1]", "postmaster", "root", "nosuchuser",
        "x@local.example", "u@maponly.example", "x@gmail.com", "", "x@127.0.0.1", "x@bad..dots.example",
    ];

    private static readonly string[] Utf8SenderPool = ["j\u00f6rg@example.com", "app@ex\u00e4mple.org"];

    /// <summary>Generates <paramref name="count"/> cases from consecutive seeds starting at <paramref name="firstSeed"/>.</summary>
    public static ImmutableArray<GeneratedCase> GenerateMany(int firstSeed, int count, int probesPerCase = 10) =>
        [.. Enumerable.Range(firstSeed, count).Select(seed => Generate(seed, probesPerCase))];

    /// <summary>Generates the case of one seed.</summary>
    public static GeneratedCase Generate(int seed, int probesPerCase = 10)
    {
        var random = new Random(seed);
        var features = new List<string>();
        var main = new StringBuilder();
        var tables = new Dictionary<string, string>(StringComparer.Ordinal);
        bool Chance(double p) => random.NextDouble() < p;
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        var compatibility = Pick(["3.6", "3.6", "3.6", "2", "1", "0"]);
        if (compatibility != "3.6")
        {
            main.Append("compatibility_level = ").Append(compatibility).Append('\n');
            features.Add("compat-" + compatibility);
        }

        var ipv6 = Chance(0.25);
        var networks = new List<string>();
        if (Chance(0.9))
        {
            var entries = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Chance(0.06) ? Pick(BrokenNetworkPool) : Pick(NetworkPool)).Distinct().ToList();
            if (ipv6)
            {
                entries.Add(Pick(["[2001:db8:1::]/48", "[::1]/128", "[2001:db8:1::5]"]));
            }

            networks.AddRange(entries);
            main.Append("mynetworks = ").Append(string.Join(Pick([" ", ", "]), entries)).Append('\n');
            features.Add("mynetworks");
        }
        else
        {
            // Without mynetworks the style decides (inet_interfaces is 127.0.0.1 in the base).
            // Unset, the style's default depends on compatibility_level (subnet below 2, host from 2 on).
            var style = Pick(["host", "subnet", "class", ""]);
            if (style.Length > 0)
            {
                main.Append("mynetworks_style = ").Append(style).Append('\n');
            }

            features.Add(style.Length > 0 ? "mynetworks-style" : "mynetworks-default-style");
        }

        if (ipv6)
        {
            main.Append("inet_protocols = all\n");
        }

        var sasl = Chance(0.5);
        if (sasl)
        {
            main.Append("smtpd_sasl_auth_enable = yes\n");
            features.Add("sasl");
        }

        if (Chance(0.35))
        {
            if (Chance(0.35))
            {
                // pcre: only the full address is a key (no user@ or @domain fallbacks), $1 substitutes.
                tables["sender_login_maps.pcre"] = "/^(alice|carol)@example\\.com$/ ${1}\n/^shared@example\\.com$/ alice bob\n/@example\\.org$/ bob\n/^app@/ alice,app\n";
                main.Append("smtpd_sender_login_maps = pcre:/etc/postfix/sender_login_maps.pcre\n");
                features.Add("pcre-sender-login-maps");
            }
            else
            {
                tables["sender_login_maps"] = "app@example.com    alice\nshared@example.com alice, bob\n@example.org       bob\ncarol@example.com  carol@example.com\n";
                main.Append("smtpd_sender_login_maps = hash:/etc/postfix/sender_login_maps\n");
            }

            main.Append("smtpd_sender_restrictions = ")
                .Append(Pick(["reject_sender_login_mismatch", "reject_authenticated_sender_login_mismatch", "reject_unauthenticated_sender_login_mismatch", "reject_known_sender_login_mismatch"]))
                .Append(Chance(0.3) ? ", check_sender_access hash:/etc/postfix/sender_access" : "").Append('\n');
            features.Add("sender-login-maps");
        }
        else if (Chance(0.3))
        {
            main.Append("smtpd_sender_restrictions = check_sender_access hash:/etc/postfix/sender_access\n");
        }

        if (main.ToString().Contains("sender_access", StringComparison.Ordinal))
        {
            var otherAction = Pick(["DUNNO", "450 4.7.1 try later", "REJECT", "DEFER_IF_PERMIT", "cls_internal"]);
            switch (random.Next(4))
            {
                case 0:
                    main.Replace("hash:/etc/postfix/sender_access", "regexp:/etc/postfix/sender_access.regexp");
                    tables["sender_access.regexp"] = "/^spammer@example\\.net$/ REJECT go away\n/@example\\.org$/ OK\n/^other@/ " + otherAction + "\n";
                    features.Add("regexp-sender-access");
                    break;
                case 1:
                    main.Replace("hash:/etc/postfix/sender_access", "pcre:/etc/postfix/sender_access.pcre");
                    tables["sender_access.pcre"] = "if /@example\\.(net|org)$/\n/^(spammer)@/ REJECT ${1} is not welcome\n/^bob/ OK\nendif\n/^other@/i " + otherAction + "\n/^APP@/ 550 5.7.1 app may not send\n";
                    features.Add("pcre-sender-access");
                    break;
                default:
                    tables["sender_access"] = "spammer@example.net REJECT go away\nexample.org        OK\nother@             " + otherAction + "\n";
                    break;
            }

            features.Add("sender-access");
        }

        if (Chance(0.4))
        {
            main.Append("relay_domains = ").Append(Pick(["relay.example", "$mydestination relay.example", "relay.example, other.example", "hash:/etc/postfix/relay_domains", ".relay.example"])).Append('\n');
            tables["relay_domains"] = "relay.example OK\nother.example OK\n";
            if (Chance(0.3))
            {
                main.Append("parent_domain_matches_subdomains =\n");
                features.Add("no-parent-domain-matching");
            }

            features.Add("relay-domains");
        }

        if (Chance(0.3))
        {
            // Without virtual_alias_domains, its default $virtual_alias_maps makes the table's keys the domain list.
            main.Append(Chance(0.6) ? "virtual_alias_domains = virtual.example\n" : "").Append("virtual_alias_maps = hash:/etc/postfix/virtual\n");
            tables["virtual"] = "alias@virtual.example root\n" + (Chance(0.5) ? "virtual.example whatever\n" : "");
            features.Add("virtual");
        }

        // Restriction classes, named from an access table's right-hand side or directly in a list.
        var classes = Chance(0.3);
        if (classes)
        {
            main.Append("smtpd_restriction_classes = cls_internal").Append(Chance(0.9) ? ", cls_open" : "").Append('\n');
            main.Append("cls_internal = ").Append(Pick(["permit_mynetworks, reject", "permit_mynetworks, permit_sasl_authenticated, defer", "reject_unauth_destination", "check_sender_access hash:/etc/postfix/class_sender, reject"])).Append('\n');
            main.Append("cls_open = permit\n");
            tables["class_sender"] = "app@example.com OK\n@example.org REJECT not from the org\n";
            features.Add("restriction-classes");
        }

        // The relay decision: a permutation of the usual entries, sometimes with a table, a typo or a missing guard.
        var items = new List<string> { "permit_mynetworks" };
        if (Chance(0.7))
        {
            items.Add("permit_sasl_authenticated");
        }

        if (Chance(0.3))
        {
            var kind = Pick(["cidr", "cidr", "hash", "pcre", "regexp"]);
            items.Add("check_client_access " + kind switch
            {
                "cidr" => "cidr:/etc/postfix/client_access.cidr",
                "hash" => "hash:/etc/postfix/client_access",
                "pcre" => "pcre:/etc/postfix/client_access.pcre",
                _ => "regexp:/etc/postfix/client_access.regexp",
            });
            switch (kind)
            {
                case "cidr":
                    tables["client_access.cidr"] = "192.168.1.100/32 " + Pick(["OK", "REJECT", "DUNNO", "554 5.7.1 no relay for you", "450 4.7.1 come back later", "cls_internal", "cls_open"])
                        + "\n10.0.0.0/8 REJECT internal only\n" + Pick(["", "2001:db8:1::/48 OK\n", "192.168.1.0/24 " + Pick(["DUNNO", "OK", "DEFER_IF_REJECT"]) + "\n"]);
                    break;
                case "hash":
                    tables["client_access"] = "192.168.1.100 " + Pick(["OK", "REJECT blocked", "DUNNO", "cls_internal"]) + "\n203.0.113 REJECT\nexample.net " + Pick(["REJECT no hosts from example.net", "OK", "DUNNO"]) + "\n";
                    break;
                case "pcre":
                    tables["client_access.pcre"] = "/^192\\.168\\.1\\.(\\d+)$/ " + Pick(["OK", "REJECT host $1 is blocked", "cls_internal"]) + "\n/\\.example\\.net$/ REJECT name ${0} blocked\n/^10\\./ 450 4.7.1 later\n";
                    break;
                default:
                    tables["client_access.regexp"] = "/^192\\.168\\.1\\.100$/ " + Pick(["OK", "REJECT", "cls_open"]) + "\n!/^(127|192)\\./ DUNNO\n/^127\\./ " + Pick(["OK", "DEFER"]) + "\n";
                    break;
            }

            features.Add("client-access-" + kind);
        }

        if (Chance(0.25))
        {
            var regexp = Chance(0.3);
            items.Add(regexp ? "check_recipient_access regexp:/etc/postfix/recipient_access.regexp" : "check_recipient_access hash:/etc/postfix/recipient_access");
            var gmail = Pick(["OK", "REJECT", "DUNNO", "cls_internal", "cls_open", "DEFER_IF_PERMIT no gmail now"]);
            tables["recipient_access"] = "blocked@example.com 550 5.1.1 no such user\ngmail.com " + gmail + "\nrelay.example cls_internal\n";
            tables["recipient_access.regexp"] = "/^blocked@/ 550 5.1.1 no such user\n/@gmail\\.com$/ " + gmail + "\n/^(.+)@relay\\.example$/ REJECT no mail for $1\n";
            features.Add(regexp ? "regexp-recipient-access" : "recipient-access");
        }

        var guard = Pick(["reject_unauth_destination", "reject_unauth_destination", "defer_unauth_destination", "reject_unauth_destination"]);
        var position = random.Next(items.Count + 1);
        items.Insert(position, guard);
        if (position < items.Count - 1)
        {
            features.Add("guard-before-permit");
        }

        if (Chance(0.08))
        {
            var typo = random.Next(items.Count);
            items[typo] = items[typo] switch
            {
                "permit_mynetworks" => "permit_mynetwork",
                "permit_sasl_authenticated" => "permit_sasl_authenticate",
                var other => other,
            };
            features.Add("typo");
        }

        if (Chance(0.05))
        {
            items.Remove(guard);
            features.Add("no-guard");
        }

        var list = string.Join(Pick([" ", ", ", ",\n    "]), items);
        // Sometimes no list at all: the compatibility_level's defaults decide (3.6: permit_mynetworks,
        // permit_sasl_authenticated, defer_unauth_destination; below 1: an empty relay list).
        switch (Chance(0.1) ? -1 : random.Next(3))
        {
            case -1:
                features.Add("default-restrictions");
                break;
            case 0:
                main.Append("smtpd_relay_restrictions = ").Append(list).Append('\n');
                break;
            case 1:
                main.Append("smtpd_relay_restrictions =\nsmtpd_recipient_restrictions = ").Append(list).Append('\n');
                features.Add("recipient-restrictions");
                break;
            default:
                main.Append("smtpd_relay_restrictions = ").Append(list).Append("\nsmtpd_recipient_restrictions = ")
                    .Append(Pick(["permit_mynetworks, reject_unauth_destination", "reject_unlisted_recipient", "check_recipient_access hash:/etc/postfix/recipient_access"])).Append('\n');
                tables.TryAdd("recipient_access", "blocked@example.com REJECT\n");
                features.Add("both-lists");
                break;
        }

        if (Chance(0.15))
        {
            main.Append("local_recipient_maps =\n");
            features.Add("no-local-recipient-maps");
        }

        // HELO checks (evaluated at RCPT TO with smtpd_delay_reject = yes) and HELO-less sessions.
        var heloChecks = Chance(0.2);
        if (heloChecks)
        {
            main.Append("smtpd_helo_restrictions = ").Append(Pick(["reject_invalid_helo_hostname, reject_non_fqdn_helo_hostname", "permit_mynetworks, reject_non_fqdn_helo_hostname", "reject_invalid_helo_hostname"])).Append('\n');
            if (Chance(0.3))
            {
                main.Append("smtpd_helo_required = yes\n");
                features.Add("helo-required");
            }

            features.Add("helo-restrictions");
        }

        if (Chance(0.15))
        {
            main.Append(main.ToString().Contains("smtpd_sender_restrictions", StringComparison.Ordinal) || Chance(0.5)
                ? "smtpd_reject_unlisted_sender = yes\n"
                : "smtpd_sender_restrictions = reject_non_fqdn_sender, reject_unlisted_sender\n");
            features.Add("sender-validation");
        }

        // Several listeners: smtp plus submission with its own -o overrides (a common source of "works on 25, not on 587").
        string? masterCf = null;
        if (Chance(0.3))
        {
            var submission = new StringBuilder("submission inet n       -       y       -       -       smtpd\n");
            submission.Append("  -o smtpd_sasl_auth_enable=yes\n");
            submission.Append(Pick([
                "  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject\n",
                "  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject\n  -o smtpd_recipient_restrictions=\n",
                "  -o smtpd_client_restrictions=permit_sasl_authenticated,reject\n",
                "  -o { smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination }\n",
                "",
            ]));
            if (Chance(0.4))
            {
                submission.Append("  -o smtpd_sender_restrictions=" + Pick(["reject_sender_login_mismatch", "reject_authenticated_sender_login_mismatch"]) + "\n");
                if (!main.ToString().Contains("smtpd_sender_login_maps", StringComparison.Ordinal))
                {
                    main.Append("smtpd_sender_login_maps = hash:/etc/postfix/sender_login_maps\n");
                    tables["sender_login_maps"] = "app@example.com    alice\nshared@example.com alice, bob\n@example.org       bob\ncarol@example.com  carol@example.com\n";
                }
            }

            masterCf = "smtp      inet  n       -       y       -       -       smtpd\n" + submission;
            features.Add("submission");
        }

        if (!classes && tables.Values.Any(t => t.Contains("cls_", StringComparison.Ordinal)))
        {
            // An access table names a class nobody defined: an unknown restriction when that entry is used.
            features.Add("undefined-class");
        }

        var probes = new List<Probe>();
        var clients = ClientPool.Concat(networks.Where(n => !n.Contains('/') && !n.StartsWith('!') && !n.StartsWith('[') && char.IsAsciiDigit(n[0]))).ToList();
        for (var i = 0; i < probesPerCase; i++)
        {
            var client = ipv6 && Chance(0.2) ? Pick(["2001:db8:1::5", "2001:db8:2::5", "::1"]) : Pick(clients);
            probes.Add(new Probe(client, Pick(SenderPool), Pick(RecipientPool))
            {
                Id = $"{seed}-{i}",
                Helo = Chance(0.9)
                    ? heloChecks && Chance(0.5) ? Pick(["nodots", "[192.168.1.100]", "[300.1.1.1]", "under_score.example", "bad..dots.example", "MAIL.Example.COM."]) : Pick(["client.example.net", "mail.example.com", "localhost"])
                    : null,
                SaslLogin = Chance(0.4) ? Pick(LoginPool) : null,
                ClientName = Chance(0.2) ? Pick(["host.example.net", "mx.other.example", "HOST.Example.NET"]) : null,
                Service = masterCf is not null && Chance(0.4) ? "submission" : "smtp",
            });
        }

        masterCf = AddDialogue(new Random(unchecked((seed * 7919) + 17)), main, tables, masterCf, probes, features);
        AddSmtputf8(new Random(unchecked((seed * 104729) + 31)), main, probes, features);
        AddAccessActions(new Random(Scramble(seed)), main, tables, probes, features);
        if (masterCf is not null && tables.ContainsKey("harness.cidr"))
        {
            // With smtpd_delay_reject = no the submission listener's own client restrictions judge the harness's connection
            // (127.0.0.1) before XCLIENT, as main.cf's do: the same guard lets it through (seed 40710).
            masterCf = masterCf.Replace("-o smtpd_client_restrictions=", "-o smtpd_client_restrictions=check_client_access,cidr:/etc/postfix/harness.cidr,", StringComparison.Ordinal);
        }

        AddAddressClasses(new Random(Scramble(unchecked(seed + 0x5F3759DF))), main, tables, probes, features);
        return new GeneratedCase(seed, Scenario.FromFragment($"gen-{seed}", main.ToString(), probes, masterCf, tables), features);
    }

    /// <summary>
    /// A well-mixed seed (murmur3's finalizer): <see cref="Random(int)"/> seeded with <c>seed * P + Q</c> gives first draws
    /// that follow the seed almost linearly, so a second draw after a passed first one hardly ever falls below 0.12.
    /// </summary>
    private static int Scramble(int seed)
    {
        var h = unchecked((uint)seed + 0x9E3779B9u);
        h ^= h >> 16;
        h = unchecked(h * 0x85EBCA6Bu);
        h ^= h >> 13;
        h = unchecked(h * 0xC2B2AE35u);
        h ^= h >> 16;
        return (int)(h & 0x7FFFFFFF);
    }

    /// <summary>
    /// access(5) actions and the reply-shaping parameters, from a fourth stream so the older dimensions of a seed stay as
    /// they were: check_{client,helo,sender,recipient}_access with every kind of right-hand side (actions, texts, numeric
    /// replies in and out of range, restriction and class names), hash keys by address, domain, parent domain,
    /// <c>localpart@</c>, IP address and its truncated forms, cidr entries, the null sender's lookup key; DNS-free
    /// restrictions (permit_auth_destination, reject_non_fqdn_*, reject_invalid_helo_hostname, warn_if_reject,
    /// defer_if_permit/defer_if_reject, ...); the *_reject_code/*_defer_code parameters, smtpd_reject_footer,
    /// soft_bounce, smtpd_helo_required and smtpd_delay_reject = no. Nothing here depends on DNS or a policy service.
    /// </summary>
    private static void AddAccessActions(Random random, StringBuilder main, Dictionary<string, string> tables, List<Probe> probes, List<string> features)
    {
        bool Chance(double p) => random.NextDouble() < p;
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        if (!Chance(0.5))
        {
            return;
        }

        features.Add("access-actions");
        var text = main.ToString();

        // smtpd hangs up after a 421 or 521 reply; at EHLO (smtpd_delay_reject = no) the harness then has no MAIL FROM
        // to send, so those codes stay out of the client and HELO stage.
        var early = Chance(0.12);
        string PickCode(IReadOnlyList<string> items)
        {
            List<string> allowed = early ? [.. items.Where(t => !t.StartsWith("421", StringComparison.Ordinal) && !t.StartsWith("521", StringComparison.Ordinal))] : [.. items];
            return allowed[random.Next(allowed.Count)];
        }
        bool Has(string parameter) => text.Contains(parameter + " =", StringComparison.Ordinal);

        // Restriction classes: added to the ones the case may already define (a later line wins in main.cf).
        var classNames = new List<string>();
        if (Chance(0.4))
        {
            var existing = text.Split('\n').LastOrDefault(l => l.StartsWith("smtpd_restriction_classes =", StringComparison.Ordinal));
            main.Append(existing ?? "smtpd_restriction_classes =").Append(existing is null ? " " : ", ").Append("acl_a, acl_b\n");
            main.Append("acl_a = ").Append(Pick(AccessClassPool)).Append('\n');
            main.Append("acl_b = ").Append(Pick(AccessClassPool)).Append('\n');
            tables["acl_sender"] = "app@example.com " + Pick(AccessActionPool) + "\nexample.org " + Pick(AccessActionPool) + "\n";
            classNames.AddRange(["acl_a", "acl_b"]);
            features.Add("access-classes");
        }

        string Action() => classNames.Count > 0 && Chance(0.12) ? Pick(classNames) : PickCode(AccessActionPool);

        foreach (var (parameter, value) in new[]
                 {
                     ("access_map_reject_code", new[] { "554", "521", "550", "450" }),
                     ("access_map_defer_code", ["421", "451", "550"]),
                     ("relay_domains_reject_code", ["550", "454"]),
                     ("non_fqdn_reject_code", ["450", "550", "554"]),
                     ("invalid_hostname_reject_code", ["550", "450"]),
                     ("reject_code", ["550", "521", "450"]),
                     ("defer_code", ["421", "451", "550"]),
                     ("unknown_address_reject_code", ["550"]),
                 })
        {
            if (Chance(0.12))
            {
                main.Append(parameter).Append(" = ").Append(PickCode(value)).Append('\n');
                features.Add(parameter.Replace('_', '-'));
            }
        }

        if (Chance(0.2))
        {
            main.Append("smtpd_reject_footer = ").Append(Pick(FooterPool)).Append('\n');
            features.Add("reject-footer");
        }

        if (Chance(0.1))
        {
            main.Append("soft_bounce = yes\n");
            features.Add("soft-bounce");
        }

        if (!Has("smtpd_helo_required") && Chance(0.1))
        {
            main.Append("smtpd_helo_required = yes\n");
            features.Add("helo-required");
        }

        if (Chance(0.15))
        {
            main.Append("smtpd_null_access_lookup_key = ").Append(Pick(["MAILER-DAEMON", "nullsender", "<>"])).Append('\n');
            features.Add("null-access-lookup-key");
        }

        if (Chance(0.15))
        {
            main.Append("parent_domain_matches_subdomains = ").Append(Pick(["", "relay_domains", "smtpd_access_maps"])).Append('\n');
            features.Add("parent-domain-matching");
        }

        // With smtpd_delay_reject = no the client and HELO restrictions also judge the harness's own connection
        // (127.0.0.1, EHLO pfl-harness.localhost) before XCLIENT: a guard lets it through so XCLIENT can be offered.
        var guard = "";
        if (early)
        {
            main.Append("smtpd_delay_reject = no\n");
            tables["harness.cidr"] = "127.0.0.1/32 OK\n";
            guard = "check_client_access cidr:/etc/postfix/harness.cidr, ";
            features.Add("no-delay-reject");

            // HELO restrictions the case already has judge the harness's EHLO too (a broken mynetworks answers 451 4.3.0).
            if (text.Split('\n').LastOrDefault(l => l.StartsWith("smtpd_helo_restrictions =", StringComparison.Ordinal)) is { } helo)
            {
                main.Append("smtpd_helo_restrictions = ").Append(guard).Append(helo["smtpd_helo_restrictions =".Length..].Trim()).Append('\n');
            }
        }

        tables["acl_client"] = string.Join("\n", PickSome(ClientKeyPool, 3).Select(k => k + " " + Action())) + "\n";
        tables["acl_client.cidr"] = string.Join("\n", PickSome(ClientCidrPool, 2).Select(k => k + " " + Action())) + "\n";
        tables["acl_helo"] = string.Join("\n", PickSome(HeloKeyPool, 3).Select(k => k + " " + Action())) + "\n";
        tables["acl_sender_access"] = string.Join("\n", PickSome(SenderKeyPool, 3).Select(k => k + " " + Action())) + "\n";
        tables["acl_recipient"] = string.Join("\n", PickSome(RecipientKeyPool, 3).Select(k => k + " " + Action())) + "\n";

        string[] Items(string[] pool) => [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(pool)).Distinct()];
        if (!Has("smtpd_client_restrictions") && Chance(0.5))
        {
            main.Append("smtpd_client_restrictions = ").Append(guard).Append(string.Join(", ", Items(ClientRestrictionPool))).Append('\n');
            features.Add("access-client-list");
        }

        if (!Has("smtpd_helo_restrictions") && Chance(0.4))
        {
            main.Append("smtpd_helo_restrictions = ").Append(guard).Append(string.Join(", ", Items(HeloRestrictionPool))).Append('\n');
            features.Add("access-helo-list");
        }

        if (!Has("smtpd_sender_restrictions") && Chance(0.5))
        {
            main.Append("smtpd_sender_restrictions = ").Append(string.Join(", ", Items(SenderRestrictionPool))).Append('\n');
            features.Add("access-sender-list");
        }

        if (!Has("smtpd_recipient_restrictions") && Chance(0.5))
        {
            main.Append("smtpd_recipient_restrictions = ").Append(string.Join(", ", Items(RecipientRestrictionPool))).Append('\n');
            features.Add("access-recipient-list");
        }

        for (var i = 0; i < probes.Count; i++)
        {
            var probe = probes[i];
            if (Chance(0.3))
            {
                probe = probe with { Helo = Pick(AccessHeloPool) };
            }

            if (Chance(0.25))
            {
                probe = probe with { Sender = Pick(AccessSenderPool) };
            }

            if (Chance(0.25))
            {
                probe = probe with { Recipient = Pick(AccessRecipientPool) };
            }

            if (Chance(0.15))
            {
                probe = probe with { ClientName = Pick(["host.example.net", "sub.host.example.net", "mx.other.example"]) };
            }

            probes[i] = probe;
        }

        IEnumerable<string> PickSome(string[] pool, int count) => pool.OrderBy(_ => random.Next()).Take(random.Next(1, count + 1));
    }

    /// <summary>
    /// Recipient and sender address classes, from a fifth stream drawn last: local_recipient_maps (unset, empty, passwd plus
    /// aliases, a table), alias_maps, mydestination with tables and <c>.domain</c> forms, virtual alias domains (listed, from
    /// the map's keys, catch-all <c>@domain</c>, <c>user@</c> keys, a regexp map), virtual mailbox domains and maps,
    /// relay_domains (list, table, subdomain forms, parent_domain_matches_subdomains without relay_domains) with
    /// relay_recipient_maps, the unknown_*_reject_code family, recipient_delimiter (one and several characters),
    /// show_user_unknown_table_name, smtpd_reject_unlisted_{recipient,sender} and explicit reject_unlisted_*, sender login
    /// map owners, and the address-rewriting switches (allow_percent_hack, swap_bangpath, resolve_dequoted_address,
    /// resolve_numeric_domain). Nothing here depends on DNS, a policy service or passwd entries other than root.
    /// </summary>
    private static void AddAddressClasses(Random random, StringBuilder main, Dictionary<string, string> tables, List<Probe> probes, List<string> features)
    {
        bool Chance(double p) => random.NextDouble() < p;
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        if (!Chance(0.5))
        {
            return;
        }

        features.Add("address-classes");
        var text = main.ToString();
        string? Last(string parameter) =>
            text.Split('\n').LastOrDefault(l => l.StartsWith(parameter + " =", StringComparison.Ordinal)) is { } line ? line[(parameter.Length + 2)..].Trim() : null;
        void Set(string parameter, string value, string feature)
        {
            main.Append(parameter).Append(" = ").Append(value).Append('\n');
            features.Add(feature);
        }

        if (Chance(0.4))
        {
            var aliases = "postmaster: root\nabuse: root\ninfo: root\nSales: root\nadmin: postmaster\n";
            tables["addr_aliases"] = aliases;
            Set("alias_maps", Pick(["hash:/etc/postfix/addr_aliases", "hash:/etc/postfix/addr_aliases, hash:/etc/postfix/aliases", ""]), "addr-alias-maps");
            main.Append("alias_database = hash:/etc/postfix/addr_aliases\n");
        }

        if (Chance(0.45))
        {
            tables["addr_local"] = Pick(["root x\ninfo x\n", "root@mail.example.com x\n@local.example x\n", "info@ x\nroot x\nknown@relay.example x\n"]);
            Set("local_recipient_maps", Pick(["", "proxy:unix:passwd.byname $alias_maps", "hash:/etc/postfix/addr_local", "unix:passwd.byname", "$alias_maps", "hash:/etc/postfix/addr_local $alias_maps"]),
                "addr-local-recipient-maps");
        }

        if (Chance(0.35))
        {
            tables["addr_mydest"] = "local.example x\nmail.example.com x\n";
            Set("mydestination", Pick([
                    "$myhostname, localhost.$mydomain, localhost, local.example", "$myhostname, .local.example", "hash:/etc/postfix/addr_mydest, localhost",
                    "$myhostname localhost $mydomain", "localhost", "$myhostname, local.example, mailbox.example",
                ]),
                "addr-mydestination");
        }

        if (Chance(0.2))
        {
            Set("unknown_local_recipient_reject_code", Pick(["450", "550", "554"]), "addr-unknown-local-code");
        }

        if (Chance(0.45))
        {
            var regexp = Chance(0.25);
            tables["addr_virtual"] = "alias@virtual.example root\n@catchall.example root\nu@maponly.example root\n" + Pick(["", "admin@ root\n", "alias+ext@virtual.example root\n"])
                                     + Pick(["", "virtual.example anything\n"]);
            tables["addr_virtual.regexp"] = "/^virt@regexp\\.example$/ root\n/^admin@/ root\n" + Pick(["", "/^regexp\\.example$/ domain\n"]);
            var maps = regexp ? Pick(["regexp:/etc/postfix/addr_virtual.regexp", "hash:/etc/postfix/addr_virtual, regexp:/etc/postfix/addr_virtual.regexp"]) : "hash:/etc/postfix/addr_virtual";
            Set("virtual_alias_maps", maps, regexp ? "addr-virtual-regexp" : "addr-virtual");
            if (Chance(0.6))
            {
                Set("virtual_alias_domains", Pick(["virtual.example", "virtual.example catchall.example", "virtual.example, catchall.example, regexp.example", ""]), "addr-virtual-domains");
            }
        }

        if (Chance(0.2))
        {
            Set("unknown_virtual_alias_reject_code", Pick(["450", "550", "554"]), "addr-unknown-virtual-alias-code");
        }

        if (Chance(0.3))
        {
            tables["addr_vmailbox"] = "box@mailbox.example mailbox.example/box/\n" + Pick(["", "mailbox.example x\n", "@mailbox.example catchall/\n"]);
            Set("virtual_mailbox_maps", "hash:/etc/postfix/addr_vmailbox", "addr-virtual-mailbox");
            if (Chance(0.7))
            {
                Set("virtual_mailbox_domains", Pick(["mailbox.example", "hash:/etc/postfix/addr_vmailbox_domains", ".mailbox.example mailbox.example"]), "addr-virtual-mailbox-domains");
                tables["addr_vmailbox_domains"] = "mailbox.example x\n";
            }
        }

        if (Chance(0.15))
        {
            Set("unknown_virtual_mailbox_reject_code", Pick(["450", "550", "554"]), "addr-unknown-virtual-mailbox-code");
        }

        if (Chance(0.45))
        {
            tables["addr_relay"] = "relay.example x\nrelay2.example x\n";
            Set("relay_domains", Pick(["relay.example relay2.example", "hash:/etc/postfix/addr_relay", ".relay.example relay2.example", "relay.example, .relay2.example", "relay.example"]),
                "addr-relay-domains");
            if (Chance(0.25))
            {
                Set("parent_domain_matches_subdomains", Pick(["", "smtpd_access_maps", "relay_domains"]), "addr-parent-domain-matching");
            }

            if (Chance(0.5))
            {
                tables["addr_relay_recipients"] = "known@relay.example x\n" + Pick(["", "@relay2.example x\n", "known@ x\n", "postmaster@relay.example x\n"]);
                Set("relay_recipient_maps", Pick(["hash:/etc/postfix/addr_relay_recipients", ""]), "addr-relay-recipient-maps");
            }
        }

        if (Chance(0.15))
        {
            Set("unknown_relay_recipient_reject_code", Pick(["450", "550", "554"]), "addr-unknown-relay-code");
        }

        if (Chance(0.35))
        {
            Set("recipient_delimiter", Pick(["", "-", "+-", "-+_", "+"]), "addr-recipient-delimiter");
        }

        if (Chance(0.2))
        {
            Set("show_user_unknown_table_name", "no", "addr-hide-table-name");
        }

        if (Chance(0.15))
        {
            Set("smtpd_reject_unlisted_recipient", "no", "addr-no-unlisted-recipient");
        }

        if (Chance(0.2))
        {
            Set("smtpd_reject_unlisted_sender", "yes", "addr-unlisted-sender");
        }

        if (Chance(0.15))
        {
            Set("smtpd_recipient_restrictions", "reject_unlisted_recipient, " + (Last("smtpd_recipient_restrictions") ?? "permit_mynetworks, reject_unauth_destination"), "addr-explicit-unlisted-recipient");
        }

        var loginMaps = Chance(0.15);
        if (loginMaps)
        {
            tables["addr_login"] = "root@mail.example.com alice\n@virtual.example bob\nbox@mailbox.example alice, app\nknown@relay.example carol@example.com\n";
            Set("smtpd_sender_login_maps", "hash:/etc/postfix/addr_login", "addr-sender-login-maps");
            if (!text.Contains("smtpd_sasl_auth_enable", StringComparison.Ordinal))
            {
                main.Append("smtpd_sasl_auth_enable = yes\n");
            }
        }

        if (loginMaps || Chance(0.15))
        {
            var check = Pick(["reject_unlisted_sender", "reject_sender_login_mismatch", "reject_unlisted_sender, reject_sender_login_mismatch", "reject_known_sender_login_mismatch"]);
            var rest = Last("smtpd_sender_restrictions");
            Set("smtpd_sender_restrictions", rest is { Length: > 0 } ? check + ", " + rest : check, "addr-sender-restrictions");
        }

        foreach (var (parameter, value) in new[]
                 {
                     ("allow_percent_hack", "no"), ("swap_bangpath", "no"), ("resolve_dequoted_address", "no"), ("resolve_numeric_domain", "yes"),
                 })
        {
            if (Chance(0.12))
            {
                Set(parameter, value, "addr-" + parameter.Replace('_', '-'));
            }
        }

        for (var i = 0; i < probes.Count; i++)
        {
            var probe = probes[i];
            if (Chance(0.6))
            {
                probe = probe with { Recipient = Pick(AddressRecipientPool) };
            }

            if (Chance(0.25))
            {
                probe = probe with { Sender = Pick(AddressSenderPool) };
            }

            probes[i] = probe;
        }
    }

    /// <summary>
    /// SMTPUTF8 (issue 9 §3), from a third stream so the older dimensions of a seed stay as they were: smtputf8_enable,
    /// strict_smtputf8, a U-label in mydestination, and probes that send the MAIL FROM parameter and UTF-8 addresses.
    /// </summary>
    private static void AddSmtputf8(Random random, StringBuilder main, List<Probe> probes, List<string> features)
    {
        bool Chance(double p) => random.NextDouble() < p;
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        if (!Chance(0.25))
        {
            return;
        }

        features.Add("smtputf8");
        if (Chance(0.25))
        {
            main.Append("smtputf8_enable = no\n");
            features.Add("smtputf8-off");
        }

        if (Chance(0.3))
        {
            main.Append("strict_smtputf8 = yes\n");
            features.Add("strict-smtputf8");
        }

        if (!main.ToString().Contains("mydestination", StringComparison.Ordinal) && Chance(0.6))
        {
            // main.cf is bytes (the scenario is written one byte per char): the U-label goes in as its UTF-8 encoding.
            main.Append("mydestination = $myhostname, localhost.$mydomain, localhost, ")
                .Append(Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("b\u00fccher.example"))).Append('\n');
            features.Add("utf8-mydestination");
        }

        for (var i = 0; i < probes.Count; i++)
        {
            var probe = probes[i];
            if (Chance(0.25))
            {
                probe = probe with { Recipient = Pick(Utf8RecipientPool) };
            }

            if (Chance(0.1))
            {
                probe = probe with { Sender = Pick(Utf8SenderPool) };
            }

            probes[i] = probe with { Smtputf8 = Chance(0.5) };
        }
    }

    /// <summary>TLS, AUTH availability, relocated, address syntax and alias tables, drawn from their own stream.</summary>
    private static string? AddDialogue(Random random, StringBuilder main, Dictionary<string, string> tables, string? masterCf, List<Probe> probes, List<string> features)
    {
        bool Chance(double p) => random.NextDouble() < p;
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        if (Chance(0.2))
        {
            main.Append("smtpd_tls_auth_only = yes\n");
            features.Add("tls-auth-only");
        }

        if (Chance(0.06))
        {
            main.Append("smtpd_tls_security_level = encrypt\n");
            features.Add("tls-encrypt");
        }

        if (masterCf is not null && Chance(0.35))
        {
            // The submission entry is last: one more -o belongs to it.
            masterCf += "  -o smtpd_tls_security_level=encrypt\n";
            features.Add("submission-encrypt");
        }

        var smtps = Chance(0.15);
        if (smtps)
        {
            masterCf = (masterCf ?? "smtp      inet  n       -       y       -       -       smtpd\n")
                       + "smtps     inet  n       -       y       -       -       smtpd\n  -o smtpd_tls_wrappermode=yes\n  -o smtpd_sasl_auth_enable=yes\n";
            features.Add("smtps-wrappermode");
        }

        if (Chance(0.2))
        {
            main.Append("relocated_maps = hash:/etc/postfix/relocated\n");
            tables["relocated"] = "moved@mail.example.com new@elsewhere.example\n@relocated.example other.example\nroot@mail.example.com gone@x.example\n";
            features.Add("relocated");
        }

        if (Chance(0.15))
        {
            main.Append("strict_rfc821_envelopes = yes\n");
            features.Add("strict-rfc821");
        }

        if (Chance(0.1))
        {
            main.Append("allow_untrusted_routing = yes\n");
            features.Add("untrusted-routing");
        }

        if (Chance(0.2))
        {
            // newaliases/postalias build every alias_maps table from aliases(5) syntax, whatever the file is called.
            main.Append("alias_maps = hash:/etc/postfix/mail-aliases\nalias_database = hash:/etc/postfix/mail-aliases\n");
            tables["mail-aliases"] = "# aliases(5)\npostmaster: root\ninfo: root\nsales:\n  root, postmaster\n";
            features.Add("alias-table-name");
        }

        for (var i = 0; i < probes.Count; i++)
        {
            var probe = probes[i];
            if (Chance(0.25))
            {
                probe = probe with { Recipient = Pick(DialogueRecipientPool) };
            }

            if (Chance(0.08))
            {
                probe = probe with { Sender = Pick(DialogueSenderPool) };
            }

            if (smtps && Chance(0.3))
            {
                probe = probe with { Service = "smtps", Tls = true };
            }
            else if (probe.Helo is not null && Chance(0.35))
            {
                probe = probe with { Tls = true };
            }

            probes[i] = probe;
        }

        return masterCf;
    }
}
