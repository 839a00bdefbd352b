using System.Collections.Immutable;
using System.Text;
using PostfixLint.IntegrationTests.Instance;

namespace PostfixLint.IntegrationTests.Simulation;

/// <summary>A seeded generator of relay configurations × probes for the differential suite (same seed, same case).</summary>
/// <remarks>
/// Dimensions: mynetworks forms (CIDR, hosts, negation, host bits, bad masks, IPv6 brackets, default style), restriction
/// orders in smtpd_relay_restrictions or smtpd_recipient_restrictions, SASL on/off, sender login maps with the
/// *_sender_login_mismatch family, client/sender/recipient access tables (OK, REJECT [text], DUNNO, 4xx/5xx text),
/// relay_domains and virtual alias domains, compatibility levels 0/1/2/3.6, and typos such as <c>permit_mynetwork</c>.
/// smtpd_delay_reject stays yes: client restrictions then run at RCPT TO, after XCLIENT has set the client.
/// </remarks>
public static class ConfigurationGenerator
{
    private static readonly string[] NetworkPool =
    [
        "127.0.0.0/8", "192.168.1.0/24", "192.168.1.100", "192.168.1.100/32", "!192.168.1.100", "10.0.0.0/8", "192.168.1.5/24",
        "172.16.0.0/12", "203.0.113.0/25", "192.168.1.0/33",
    ];

    private static readonly string[] ClientPool = ["127.0.0.1", "192.168.1.100", "192.168.1.101", "10.1.2.3", "203.0.113.7", "203.0.113.200", "172.20.1.1", "198.51.100.20"];

    private static readonly string[] SenderPool = ["app@example.com", "shared@example.com", "anyone@example.org", "spammer@example.net", "", "other@example.com", "App@Example.COM"];

    private static readonly string[] RecipientPool =
    [
        "x@gmail.com", "root@mail.example.com", "user@relay.example", "user@sub.relay.example", "alias@virtual.example", "blocked@example.com",
        "postmaster@example.com", "nosuchuser@mail.example.com", "X@GMAIL.COM", "root+tag@mail.example.com", "user@mail.example.com.",
    ];

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
            var entries = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(NetworkPool)).Distinct().ToList();
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
            main.Append("mynetworks_style = ").Append(Pick(["host", "subnet", "class"])).Append('\n');
            features.Add("mynetworks-style");
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
            tables["sender_login_maps"] = "app@example.com    alice\nshared@example.com alice, bob\n@example.org       bob\n";
            main.Append("smtpd_sender_login_maps = hash:/etc/postfix/sender_login_maps\n");
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
            tables["sender_access"] = "spammer@example.net REJECT go away\nexample.org        OK\nother@             " + Pick(["DUNNO", "450 4.7.1 try later", "REJECT"]) + "\n";
            features.Add("sender-access");
        }

        if (Chance(0.4))
        {
            main.Append("relay_domains = ").Append(Pick(["relay.example", "$mydestination relay.example", "relay.example, other.example"])).Append('\n');
            features.Add("relay-domains");
        }

        if (Chance(0.3))
        {
            main.Append("virtual_alias_domains = virtual.example\nvirtual_alias_maps = hash:/etc/postfix/virtual\n");
            tables["virtual"] = "alias@virtual.example root\n";
            features.Add("virtual");
        }

        // The relay decision: a permutation of the usual entries, sometimes with a table, a typo or a missing guard.
        var items = new List<string> { "permit_mynetworks" };
        if (Chance(0.7))
        {
            items.Add("permit_sasl_authenticated");
        }

        if (Chance(0.25))
        {
            items.Add("check_client_access " + Pick(["cidr:/etc/postfix/client_access.cidr", "hash:/etc/postfix/client_access"]));
            tables["client_access.cidr"] = "192.168.1.100/32 " + Pick(["OK", "REJECT", "DUNNO", "554 5.7.1 no relay for you", "450 4.7.1 come back later"]) + "\n10.0.0.0/8 REJECT internal only\n";
            tables["client_access"] = "192.168.1.100 " + Pick(["OK", "REJECT blocked", "DUNNO"]) + "\n203.0.113 REJECT\n";
            features.Add("client-access");
        }

        if (Chance(0.2))
        {
            items.Add("check_recipient_access hash:/etc/postfix/recipient_access");
            tables["recipient_access"] = "blocked@example.com 550 5.1.1 no such user\ngmail.com " + Pick(["OK", "REJECT", "DUNNO"]) + "\n";
            features.Add("recipient-access");
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
        switch (random.Next(3))
        {
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

        var probes = new List<Probe>();
        var clients = ClientPool.Concat(networks.Where(n => !n.Contains('/') && !n.StartsWith('!') && !n.StartsWith('['))).ToList();
        for (var i = 0; i < probesPerCase; i++)
        {
            var client = ipv6 && Chance(0.2) ? Pick(["2001:db8:1::5", "2001:db8:2::5", "::1"]) : Pick(clients);
            probes.Add(new Probe(client, Pick(SenderPool), Pick(RecipientPool))
            {
                Id = $"{seed}-{i}",
                Helo = Chance(0.9) ? Pick(["client.example.net", "mail.example.com", "localhost"]) : null,
                SaslLogin = Chance(0.4) ? Pick(["alice", "bob", "carol@example.com"]) : null,
                ClientName = Chance(0.15) ? "host.example.net" : null,
            });
        }

        return new GeneratedCase(seed, Scenario.FromFragment($"gen-{seed}", main.ToString(), probes, tables: tables), features);
    }
}
