using System.Text;

namespace PostfixLint.IntegrationTests.Support;

/// <summary>
/// Seeded generator of main.cf/master.cf files that exercise postconf's parsing, expansion and unused-name rules.
/// </summary>
/// <remarks>
/// Random cases are built so postconf never stops (a fatal error costs ~1 s): references form a DAG — user parameters refer
/// only to earlier user parameters and to "stable" built-ins that are only ever given literal values — and macro syntax
/// errors go only into parameters nothing references. Fatal situations are in <see cref="FatalCases"/>, kept few.
/// </remarks>
internal static class StressGenerator
{
    /// <summary>
    /// The seeds of the random cases; fixed (1–200) so a failure can be reproduced by name. A longer campaign sets
    /// POSTFIXLINT_STRESS_SEED and POSTFIXLINT_STRESS_CASES (run it with a filter on the generated-case test: the
    /// generator's own test counts the default 200).
    /// </summary>
    public static IEnumerable<int> Seeds => Enumerable.Range(TestEnvironment.Int("POSTFIXLINT_STRESS_SEED", 1), TestEnvironment.Int("POSTFIXLINT_STRESS_CASES", 200));

    // Built-ins that may be referenced from anywhere; the generator only ever assigns them literals, so no cycle can pass through them.
    private static readonly string[] StableBuiltins =
        ["mail_name", "config_directory", "mail_version", "myhostname", "mydomain", "queue_directory", "daemon_directory", "data_directory", "mail_owner", "myorigin"];

    // Literal assignments; postconf itself evaluates inet_interfaces (to find the local addresses for mynetworks),
    // so it only ever gets values that resolve.
    private static readonly (string Name, string[] Values)[] LiteralBuiltins =
    [
        ("myhostname", ["mail.example.com", "localhost.localdomain", "mx1.example.org"]),
        ("mydomain", ["example.org", "example.com"]),
        ("myorigin", ["example.org", "mail.example.com"]),
        ("mail_name", ["Postfix", "MyMail"]),
        ("data_directory", ["/var/lib/postfix", "/tmp/data"]),
        ("inet_interfaces", ["all", "loopback-only", "127.0.0.1", "localhost"]),
        ("inet_protocols", ["all", "ipv4", "ipv4, ipv6"]),
    ];

    // Built-ins the generator assigns values with references; none of them is referenced by a generated value.
    private static readonly string[] AssignableBuiltins =
    [
        "smtpd_banner", "relayhost", "mynetworks", "smtpd_recipient_restrictions", "smtpd_relay_restrictions", "smtpd_client_restrictions",
        "smtpd_helo_restrictions", "smtpd_sender_restrictions", "alias_maps", "virtual_alias_maps", "virtual_alias_domains", "mydestination",
        "relay_domains", "header_checks", "transport_maps", "smtpd_tls_cert_file", "message_size_limit", "smtp_helo_name",
        "recipient_delimiter", "smtpd_milters", "milter_default_action", "maximal_queue_lifetime", "smtpd_sasl_auth_enable",
        "local_recipient_maps", "smtp_tls_security_level", "notify_classes", "mailbox_size_limit", "biff", "always_bcc",
    ];

    private static readonly string[] Typos =
        ["smtpd_recipient_restriction", "mynetwork", "relay_host", "myhostnme", "smtpd_tls_cert", "virtual_alias_map", "message_size_limt", "smtpd_sasl_auth_enabled"];

    private static readonly string[] ReadOnly = ["process_name", "process_id", "service_name"];

    private static readonly string[] Levels = ["0", "1", "2", "3.6"];

    private static readonly string[] LevelOperators = ["<level", "<=level", "==level", "!=level", ">level", ">=level"];

    private static readonly string[] Operators = ["==", "!=", "<", "<=", ">", ">="];

    private static readonly string[] Words =
    [
        "permit_mynetworks", "permit_sasl_authenticated", "reject_unauth_destination", "defer_unauth_destination", "hash:/etc/postfix/access",
        "127.0.0.0/8", "[::1]/128", "10.0.0.0/8", "ESMTP", "example.net", "inline:{{a=b}, {c=d}}", "regexp:{{/^x/ REJECT}}", "lmdb:/etc/aliases",
        "reject_rbl_client zen.spamhaus.org=127.0.0.[2..11]", "check_sender_access texthash:/etc/postfix/senders", "yes", "no", "10240000", "5d",
        "[relay.example.com]:587", "inet:127.0.0.1:8891", "unix:/run/milter", "{ inet:localhost:11332, default_action = accept }",
    ];

    private static readonly string[] MacroErrors = ["${oops", "$ x", "${}", "${a?{b}junk}", "${ bad name }", "$(unclosed", "${{a} == {b}}"];

    /// <summary>Builds the random case for <paramref name="seed"/>; the same seed always gives the same text.</summary>
    public static StressCase Generate(int seed)
    {
        var random = new Random(seed);
        var main = new MainCfWriter(random, random.Next(4) == 0 ? "\r\n" : "\n");
        var users = new List<string>();
        var defined = new List<(string Name, string Value)>();

        if (random.Next(3) == 0)
        {
            main.Comment("generated stress case " + seed);
        }

        if (random.Next(5) != 0)
        {
            main.Parameter("compatibility_level", Pick(random, Levels));
        }

        // Stable built-ins get literal values only (see the remarks above).
        foreach (var (name, values) in LiteralBuiltins.Where(_ => random.Next(6) == 0))
        {
            main.Parameter(name, Pick(random, values));
        }

        var userCount = random.Next(6);
        for (var i = 0; i < userCount; i++)
        {
            var name = Pick(random, ["my_custom_", "_private_", "site-", "u", "Class"]) + i;
            main.Parameter(name, Value(random, users, allowEmpty: true));

            // A hyphen is legal in a defined name but not in a $reference (mac_parse: attribute name syntax error).
            if (!name.Contains('-', StringComparison.Ordinal))
            {
                users.Add(name);
            }
        }

        // Restriction classes make user-defined names valid without any $reference.
        if (random.Next(4) == 0)
        {
            var classes = new[] { "cls_strict", "cls_relaxed" }.Take(random.Next(1, 3)).ToArray();
            main.Parameter("smtpd_restriction_classes", string.Join(Pick(random, [", ", " ", ","]), classes));
            foreach (var cls in classes)
            {
                main.Parameter(cls, "check_sender_access hash:/etc/postfix/" + cls + ", reject");
            }
        }

        var builtinCount = random.Next(1, 9);
        foreach (var name in AssignableBuiltins.OrderBy(_ => random.Next()).Take(builtinCount))
        {
            var value = Value(random, users, allowEmpty: random.Next(6) == 0);
            main.Parameter(name, value);
            defined.Add((name, value));
        }

        // Duplicates: the last wins; postconf warns only when the value changes.
        if (defined.Count > 0 && random.Next(3) == 0)
        {
            var (name, value) = Pick(random, defined.ToArray());
            main.Parameter(name, random.Next(2) == 0 ? value : Value(random, users, allowEmpty: false));
        }

        if (random.Next(3) == 0)
        {
            main.Parameter(Pick(random, Typos), Pick(random, Words));
        }

        if (random.Next(6) == 0)
        {
            main.Parameter(Pick(random, ReadOnly), Pick(random, ["x", "12345", "smtpd"]));
        }

        // A macro error in a parameter that nothing references is only a warning.
        if (random.Next(5) == 0)
        {
            main.Parameter("broken_unused_" + seed, Pick(random, MacroErrors));
        }

        // Two unused user parameters that reference only each other's names through a third, unused one.
        if (random.Next(6) == 0)
        {
            main.Parameter("chain_a", "$chain_b and ${chain_c?set}");
            main.Parameter("chain_b", "plain");
        }

        if (random.Next(5) == 0)
        {
            main.Parameter("dollar_text", "price $$5 and $$$mail_name");
        }

        var services = new List<string>();
        var master = random.Next(2) == 0 ? MasterCf(random, users, services) : "";

        // Service-defined names: valid only for the transports master.cf declares (postconf_service.c).
        if (services.Count > 0 && random.Next(2) == 0)
        {
            var service = Pick(random, services.ToArray());
            main.Parameter(service + Pick(random, ["_destination_concurrency_limit", "_time_limit", "_recipient_limit", "_destination_rate_delay"]), Pick(random, ["2", "1s", "50"]));
        }

        return new StressCase($"seed {seed:D3}", main.ToString(), master, ExpectFatal: false);
    }

    /// <summary>Hand-picked cases on which real postconf stops; few, because each fatal run sleeps ~1 s.</summary>
    public static IEnumerable<StressCase> FatalCases()
    {
        yield return new StressCase("macro syntax error in a used parameter", "broken = ${oops\nsmtpd_banner = $broken\n", "", ExpectFatal: true);
        yield return new StressCase("mutual recursion reached from a built-in", "loop_a = $loop_b\nloop_b = ${loop_a}\nrelayhost = $loop_a\n", "", ExpectFatal: true);
        yield return new StressCase("mutual recursion among user parameters", "loop_a = $(loop_b)\nloop_b = $loop_a\n", "", ExpectFatal: true);
        yield return new StressCase("level comparison of a non-level", "smtpd_banner = ${{abc} <level {2} ? {a} : {b}}\n", "", ExpectFatal: true);
        yield return new StressCase("missing equals sign after a continued line", "# c\nsmtpd_banner = a\n  b\nrelayhost [mail.example.com]\n", "", ExpectFatal: true);
    }

    private static string Value(Random random, List<string> users, bool allowEmpty)
    {
        if (allowEmpty && random.Next(4) == 0)
        {
            return "";
        }

        var parts = new List<string>();
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            parts.Add(random.Next(10) switch
            {
                < 4 => Pick(random, Words),
                < 7 => Reference(random, users),
                < 9 => Conditional(random, users),
                _ => Undefined(random),
            });
        }

        if (random.Next(8) == 0)
        {
            parts.Add("# mid-value hash is data");
        }

        return string.Join(Pick(random, [" ", ", ", ",", " , "]), parts);
    }

    private static string Undefined(Random random)
    {
        var name = "undefined_" + random.Next(3);
        return random.Next(2) == 0 ? "$" + name : "${" + name + "}";
    }

    private static string Target(Random random, List<string> users) =>
        users.Count > 0 && random.Next(2) == 0 ? Pick(random, users.ToArray()) : Pick(random, StableBuiltins);

    private static string Reference(Random random, List<string> users)
    {
        var target = Target(random, users);
        return random.Next(3) switch
        {
            0 => "$" + target,
            1 => "${" + target + "}",
            _ => "$(" + target + ")",
        };
    }

    private static string Conditional(Random random, List<string> users)
    {
        var target = random.Next(5) == 0 ? "nosuch_" + random.Next(3) : Target(random, users);
        var inner = random.Next(2) == 0 ? "$" + Target(random, users) : Pick(random, ["on", "a:b", "x y"]);
        return random.Next(9) switch
        {
            0 => "${" + target + "?" + inner.Replace(":", "", StringComparison.Ordinal) + "}",
            1 => "${" + target + "?{" + inner + "}}",
            2 => "${" + target + ":" + inner.Replace(":", "", StringComparison.Ordinal) + "}",
            3 => "${" + target + ":{" + inner + "}}",
            4 => "${" + target + "?{" + inner + "}:{else}}",
            5 => "${ " + target + " ? {" + inner + "} : " + "fallback }",
            6 => "${{$compatibility_level} " + Pick(random, LevelOperators) + " {" + Pick(random, Levels) + "} ? {" + inner + "} : {old}}",
            7 => "${{$" + target + "} " + Pick(random, Operators) + " {" + Pick(random, ["10", "abc", "", "Postfix"]) + "} ? {" + inner + "} : {no}}",
            _ => "${{" + Pick(random, ["5", "10", "x"]) + "}" + Pick(random, Operators) + "{" + Pick(random, ["7", "10", "y"]) + "}?{t}:{f}}",
        };
    }

    private static string MasterCf(Random random, List<string> users, List<string> services)
    {
        var text = new StringBuilder();
        text.Append("# service type  private unpriv  chroot  wakeup  maxproc command + args\n");
        text.Append("smtp      inet  n       -       y       -       -       smtpd\n");
        AppendOverrides(random, users, text);
        text.Append("pickup    unix  n       -       y       60      1       pickup\n");
        text.Append("cleanup   unix  n       -       y       -       0       cleanup\n");
        // Daemon arguments after argv= belong to the command, so the -o overrides go before them.
        var extra = new (string Name, string Head, string Tail)[]
        {
            ("relay", "relay     unix  -       -       y       -       -       smtp\n", ""),
            ("my-lmtp", "my-lmtp   unix  -       -       n       -       -       lmtp\n", ""),
            ("filter", "filter    unix  -       n       n       -       10      pipe\n", "  flags=Rq user=nobody argv=/usr/bin/filter ${sender} -- ${recipient}\n"),
            ("deliver", "deliver   unix  -       n       n       -       -       local\n", ""),
            ("policy", "policy    unix  -       n       n       -       0       spawn\n", "  user=nobody argv=/bin/true\n"),
            ("bounce2", "bounce2   unix  -       -       y       -       0       error\n", ""),
            ("submission", "submission inet n       -       y       -       -       smtpd\n", ""),
        };
        foreach (var (name, head, tail) in extra.Where(_ => random.Next(2) == 0))
        {
            text.Append(head);
            AppendOverrides(random, users, text);
            text.Append(tail);
            if (name != "submission")
            {
                services.Add(name);
            }
        }

        return text.ToString();
    }

    private static void AppendOverrides(Random random, List<string> users, StringBuilder text)
    {
        var count = random.Next(4);
        for (var i = 0; i < count; i++)
        {
            text.Append(random.Next(7) switch
            {
                0 => "  -o smtpd_tls_security_level=encrypt\n",
                1 => "  -o syslog_name=postfix/$service_name\n",
                2 => "  -o smtpd_client_restrictions=$mua_client_restrictions\n",
                3 => "  -o smtpd_foo_typo=1\n",
                4 => "  -o { smtpd_banner = $myhostname says hi }\n",
                5 when users.Count > 0 => $"  -o smtpd_helo_restrictions=${Pick(random, users.ToArray())}\n",
                _ => "  -o content_filter=\n",
            });
        }
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
