using System.Text;
using System.Text.RegularExpressions;

namespace PostfixLint.IntegrationTests.Support;

/// <summary>
/// Seeded mutations of real main.cf/master.cf pairs (the shared corpus and testdata/examples): each case starts from one
/// real input and applies a few edits an administrator could really make — a parameter set twice, references in every
/// macro form, values split over continuation lines with comments or blank lines inside, CRLF ends, trailing white space,
/// <c>#</c> inside a value, no final newline, a compatibility_level, misspelled or obsolete names, empty values, services
/// with <c>-o</c> overrides that use user-defined parameters.
/// </summary>
/// <remarks>
/// Mutations keep master.cf fields valid and reference only names that do not refer back, so postconf rarely stops
/// (a fatal postconf run costs ~1 s); the few cases where it does are compared like any other.
/// </remarks>
internal static partial class MutationGenerator
{
    /// <summary>
    /// The seeds of the cases; a small fixed slice by default. A campaign sets POSTFIXLINT_MUTATION_SEED and
    /// POSTFIXLINT_MUTATION_CASES (run it with a filter on the mutated-case test).
    /// </summary>
    public static IEnumerable<int> Seeds => Enumerable.Range(TestEnvironment.Int("POSTFIXLINT_MUTATION_SEED", 1), TestEnvironment.Int("POSTFIXLINT_MUTATION_CASES", 40));

    private static readonly Lazy<IReadOnlyList<(string Name, string MainCf, string MasterCf)>> s_inputs = new(LoadInputs);

    private static readonly string[] Typos =
        ["mynetwork", "smtpd_recipient_restriction", "relay_host", "myhostnme", "smtpd_tls_cert", "virtual_alias_map", "message_size_limt", "smtp_tls_CAfile", "smtpd_sasl_auth_enabled"];

    private static readonly string[] Obsolete =
        ["virtual_maps", "smtpd_use_tls", "smtp_use_tls", "smtpd_tls_dh512_param_file", "disable_dns_lookups", "smtpd_enforce_tls", "smtp_enforce_tls", "check_relay_domains", "fallback_relay", "authorized_verp_clients"];

    private static readonly string[] Levels = ["0", "1", "2", "3.6", "3.7", "garbage", "3", "3.6.1", ""];

    private static readonly string[] Words =
    [
        "permit_mynetworks", "reject_unauth_destination", "hash:/etc/postfix/access", "127.0.0.0/8", "[::1]/128", "example.net", "yes", "no",
        "10240000", "5d", "[relay.example.com]:587", "inet:127.0.0.1:8891", "$myhostname ESMTP", "lmdb:/etc/aliases", "check_sender_access texthash:/etc/x",
    ];

    private static readonly string[] ReferenceTargets = ["myhostname", "mydomain", "mail_name", "config_directory", "myorigin", "mail_version", "queue_directory", "nosuch_param", "process_name", "data_directory"];

    /// <summary>How many real inputs the mutations start from.</summary>
    public static int InputCount => s_inputs.Value.Count;

    /// <summary>Builds the case for <paramref name="seed"/>; the same seed always gives the same text.</summary>
    public static StressCase Generate(int seed)
    {
        var inputs = s_inputs.Value;
        var (name, mainText, masterText) = inputs[(seed - 1 + inputs.Count) % inputs.Count];
        var random = new Random(seed);
        var main = new CfText(mainText);
        var master = new CfText(masterText);
        var applied = new List<string>();
        var count = 1 + random.Next(4);
        for (var i = 0; i < count; i++)
        {
            applied.Add(Mutate(random, main, master, seed * 10 + i));
        }

        return new StressCase($"seed {seed}: {name} + {string.Join(", ", applied)}", main.Render(), master.Render(), ExpectFatal: false);
    }

    private static string Mutate(Random random, CfText main, CfText master, int tag)
    {
        switch (random.Next(23))
        {
            case 17:
                return TransportParameter(random, main, master);
            case 18:
                return DatabaseClientParameters(random, main, tag);
            case 19:
                return RestrictionClass(random, main, tag);
            case 20:
                return AssignmentSpacing(random, main);
            case 21:
                return OddBytes(random, main, tag);
            case 22:
                return OverrideChain(random, master, tag);
            case 0:
            case 1:
                return SetTwice(random, main);
            case 2:
            case 3:
                return AddReferences(random, main, tag);
            case 4:
            case 5:
                return SplitOverLines(random, main);
            case 6:
                main.LineEnd = "\r\n";
                return "CRLF";
            case 7:
                return TrailingWhiteSpace(random, main);
            case 8:
                return HashInValue(random, main);
            case 9:
                main.FinalNewline = false;
                return "no final newline";
            case 10:
                return CompatibilityLevel(random, main);
            case 11:
                return UnknownName(random, main);
            case 12:
                return EmptyValue(random, main);
            case 13:
                return ServiceWithUserParameters(random, main, master, tag);
            case 14:
                return AddService(random, master, tag);
            case 15:
                return CommentOut(random, main);
            default:
                return MutateMaster(random, master);
        }
    }

    private static string SetTwice(Random random, CfText main)
    {
        if (main.Entries() is not { Count: > 0 } entries)
        {
            return "set twice (no entries)";
        }

        var (_, _, name, value) = entries[random.Next(entries.Count)];
        var other = entries[random.Next(entries.Count)];
        var newValue = random.Next(5) switch
        {
            0 => value + " " + Pick(random, Words),
            1 => other.Name == name ? "" : "$" + other.Name,
            2 => "",
            3 => other.Value,
            _ => Pick(random, Words),
        };
        var at = random.Next(2) == 0 ? main.Lines.Count : entries[random.Next(entries.Count)].Start;
        main.Lines.Insert(at, $"{name} = {newValue}");
        return $"{name} set twice";
    }

    private static string AddReferences(Random random, CfText main, int tag)
    {
        var entries = main.Entries();
        var names = entries.Select(e => e.Name).Concat(ReferenceTargets).ToArray();
        var forms = new List<string>();
        for (var i = 0; i < 1 + random.Next(3); i++)
        {
            forms.Add(Reference(random, Pick(random, names)));
        }

        var user = $"mut{tag}_ref";
        main.Lines.Add($"{user} = {string.Join(" ", forms)}");
        if (entries.Count > 0 && random.Next(2) == 0)
        {
            // An existing parameter now uses the new one (it refers only to other names, so no cycle through it unless they refer back).
            var target = entries[random.Next(entries.Count)];
            main.Lines[target.End - 1] += " " + Reference(random, user);
            return $"{user} + used by {target.Name}";
        }

        return user;
    }

    private static string Reference(Random random, string name) => random.Next(9) switch
    {
        0 => "$" + name,
        1 => "${" + name + "}",
        2 => "$(" + name + ")",
        3 => "${" + name + "?value}",
        4 => "${" + name + ":fallback}",
        5 => "${" + name + "?{set, text}:{unset text}}",
        6 => "${{$" + name + "} == {yes}?{equal}:{different}}",
        7 => "${{$" + name + "} != {}?{$" + name + "}:{empty}}",
        _ => "${" + name + ":{x, y}}",
    };

    private static string SplitOverLines(Random random, CfText main)
    {
        var candidates = main.Entries().Where(e => e.End == e.Start + 1 && main.Lines[e.Start].TrimEnd().Contains(' ', StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
        {
            return "split (no candidate)";
        }

        var entry = candidates[random.Next(candidates.Count)];
        var line = main.Lines[entry.Start];
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        var spaces = Enumerable.Range(equals + 1, line.Length - equals - 1).Where(i => line[i] == ' ' && i > equals + 1 && line[..i].Trim().Length > equals + 1).ToList();
        var at = spaces.Count > 0 ? spaces[random.Next(spaces.Count)] : line.Length;
        var head = line[..at];
        var tail = line[at..].TrimStart();
        var indent = Pick(random, [" ", "\t", "    ", " \t"]);
        var inside = random.Next(6) switch
        {
            0 => new[] { "# a comment inside the value" },
            1 => [""],
            2 => ["   "],
            3 => ["  # an indented comment"],
            _ => [],
        };
        main.Lines.RemoveAt(entry.Start);
        main.Lines.InsertRange(entry.Start, [head, .. inside, indent + tail]);
        if (random.Next(3) == 0)
        {
            main.Lines.Insert(entry.Start + inside.Length + 2, Pick(random, ["", "# after", "\t"]));
        }

        return $"{entry.Name} split{(inside.Length > 0 ? " around '" + inside[0].Trim() + "'" : "")}";
    }

    private static string TrailingWhiteSpace(Random random, CfText main)
    {
        for (var i = 0; i < 3 && main.Lines.Count > 0; i++)
        {
            main.Lines[random.Next(main.Lines.Count)] += Pick(random, [" ", "\t", " \t ", "  "]);
        }

        return "trailing white space";
    }

    private static string HashInValue(Random random, CfText main)
    {
        if (main.Entries() is not { Count: > 0 } entries)
        {
            return "hash (no entries)";
        }

        var entry = entries[random.Next(entries.Count)];
        main.Lines[entry.End - 1] += Pick(random, [" # not a comment", "#x", " #", "\t# tab then hash"]);
        return $"# in {entry.Name}";
    }

    private static string CompatibilityLevel(Random random, CfText main)
    {
        foreach (var entry in main.Entries().Where(e => e.Name == "compatibility_level").Reverse())
        {
            main.Lines.RemoveRange(entry.Start, entry.End - entry.Start);
        }

        if (random.Next(6) == 0)
        {
            return "compatibility_level unset";
        }

        var level = Pick(random, Levels);
        main.Lines.Insert(random.Next(main.Lines.Count + 1), $"compatibility_level = {level}");
        return $"compatibility_level = {level}";
    }

    private static string UnknownName(Random random, CfText main)
    {
        var name = random.Next(2) == 0 ? Pick(random, Typos) : Pick(random, Obsolete);
        main.Lines.Insert(random.Next(main.Lines.Count + 1), $"{name} = {Pick(random, Words)}");
        return name;
    }

    private static string EmptyValue(Random random, CfText main)
    {
        if (main.Entries() is not { Count: > 0 } entries)
        {
            return "empty (no entries)";
        }

        var entry = entries[random.Next(entries.Count)];
        main.Lines.RemoveRange(entry.Start, entry.End - entry.Start);
        main.Lines.Insert(entry.Start, Pick(random, [$"{entry.Name} =", $"{entry.Name}=", $"{entry.Name} = "]));
        return $"{entry.Name} empty";
    }

    private static string CommentOut(Random random, CfText main)
    {
        if (main.Entries() is not { Count: > 0 } entries)
        {
            return "comment out (no entries)";
        }

        var entry = entries[random.Next(entries.Count)];
        main.Lines[entry.Start] = "#" + main.Lines[entry.Start];
        return $"{entry.Name} commented out{(entry.End > entry.Start + 1 ? " (first line only)" : "")}";
    }

    private static string ServiceWithUserParameters(Random random, CfText main, CfText master, int tag)
    {
        var user = $"mut{tag}_svc";
        main.Lines.Add($"{user} = {Pick(random, Words)}");
        var local = $"mut{tag}_local";
        var options = random.Next(3) switch
        {
            0 => $"-o smtpd_client_restrictions=${user}",
            1 => $"-o {local}=permit_mynetworks,reject -o smtpd_recipient_restrictions=${local} -o smtpd_helo_restrictions=${{{user}?{{${user}}}}}",
            _ => $"-o {{ smtpd_sender_restrictions = ${user}, reject }} -o syslog_name=postfix/${{{user}:x}}",
        };
        master.Lines.Add($"{tag} inet n - {Pick(random, ["n", "y", "-"])} - - smtpd");
        master.Lines.Add("  " + options);
        return $"service {tag} uses {user}";
    }

    private static string AddService(Random random, CfText master, int tag)
    {
        var service = $"svc{tag}";
        var fields = $"{Pick(random, ["n", "y", "-"])} {Pick(random, ["n", "y", "-"])} {Pick(random, ["n", "y", "-"])} {Pick(random, ["-", "60", "60?", "0"])} {Pick(random, ["-", "1", "0", "100"])}";
        var (type, command) = Pick(random, [("unix", "smtp"), ("unix", "pipe\n  flags=Rq user=nobody argv=/bin/cat ${recipient}"), ("inet", "smtpd"), ("unix", "lmtp"), ("fifo", "pickup"), ("pass", "smtpd")]);
        var options = Pick(random, [
            "",
            " -o { smtp_helo_name = mail example with spaces }",
            " -o smtp_tls_security_level= -o smtp_sasl_auth_enable=yes",
            "\n  -o syslog_name=postfix/" + service + "\n  -o smtpd_tls_wrappermode=yes",
            " -o {smtpd_client_restrictions = permit_mynetworks, reject} -o content_filter=",
            "\n\t-o smtpd_recipient_restrictions=permit_sasl_authenticated,reject\n# a comment between option lines\n\t-o milter_macro_daemon_name=ORIGINATING",
        ]);
        var text = $"{service} {type} {fields} {command}{options}";
        if (random.Next(5) == 0)
        {
            text = string.Join('\n', text.Split('\n').Select(l => "#" + l));
        }

        master.Lines.AddRange(text.Split('\n'));
        return $"service {service}";
    }

    private static string MutateMaster(Random random, CfText master)
    {
        var starts = Enumerable.Range(0, master.Lines.Count).Where(i => ServiceLine().IsMatch(master.Lines[i])).ToList();
        if (starts.Count == 0)
        {
            return "master (no services)";
        }

        var at = starts[random.Next(starts.Count)];
        var line = master.Lines[at];
        switch (random.Next(4))
        {
            case 0:
                master.Lines[at] = "#" + line;
                return "service commented out";
            case 1:
                var fields = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 7)
                {
                    var field = 2 + random.Next(5);
                    fields[field] = field < 5 ? Pick(random, ["-", "y", "n"]) : "-";
                }

                master.Lines[at] = string.Join(' ', fields);
                return "service field changed";
            case 2:
                master.LineEnd = "\r\n";
                return "master CRLF";
            default:
                var space = line.LastIndexOf(' ');
                if (space > 0)
                {
                    master.Lines[at] = line[..space];
                    master.Lines.Insert(at + 1, Pick(random, ["  ", "\t"]) + line[(space + 1)..]);
                }

                return "service wrapped";
        }
    }

    private static string TransportParameter(Random random, CfText main, CfText master)
    {
        var services = master.Lines.Select(l => ServiceLine().Match(l)).Where(m => m.Success).Select(m => m.Value.Split(' ', '\t')[0]).ToList();
        var service = services.Count > 0 && random.Next(4) != 0 ? services[random.Next(services.Count)] : Pick(random, ["dovecot", "nosuchtransport", "smtp", "relay", "lmtp"]);
        var suffix = Pick(random, ["_destination_concurrency_limit", "_destination_recipient_limit", "_initial_destination_concurrency", "_delivery_slot_cost", "_destination_rate_delay", "_minimum_delivery_slots", "_extra_recipient_limit", "_time_limit", "_recipient_limit"]);
        main.Lines.Insert(random.Next(main.Lines.Count + 1), $"{service}{suffix} = {Pick(random, ["1", "2", "10s", "0", "$default_destination_concurrency_limit"])}");
        return service + suffix;
    }

    private static string DatabaseClientParameters(Random random, CfText main, int tag)
    {
        var type = Pick(random, ["ldap", "mysql", "pgsql", "proxy:ldap", "memcache", "sqlite"]);
        var source = $"db{tag}";
        var map = random.Next(3) == 0 ? $"{type}:/etc/postfix/{source}.cf" : $"{type}:{source}";
        var parameter = Pick(random, ["virtual_alias_maps", "relay_recipient_maps", "transport_maps", "smtpd_sender_login_maps", "mut_maps_" + tag]);
        main.Lines.Add($"{parameter} = {map}");
        foreach (var suffix in new[] { "server_host", "search_base", "query_filter", "hosts", "dbpath", "bogus_suffix", "user", "result_attribute" }.Where(_ => random.Next(3) == 0))
        {
            main.Lines.Add($"{source}_{suffix} = {Pick(random, Words)}");
        }

        return $"{parameter} = {map}";
    }

    private static string RestrictionClass(Random random, CfText main, int tag)
    {
        var name = $"class{tag}";
        main.Lines.Add($"smtpd_restriction_classes = {name}{(random.Next(2) == 0 ? ", unused_class" + tag : "")}");
        main.Lines.Add($"{name} = check_sender_access hash:/etc/postfix/{name}, {Pick(random, ["permit", "reject", "$" + name + "_extra"])}");
        if (random.Next(2) == 0)
        {
            main.Lines.Add($"smtpd_recipient_restrictions = permit_mynetworks, {name}, reject_unauth_destination");
        }

        return $"restriction class {name}";
    }

    private static string AssignmentSpacing(Random random, CfText main)
    {
        if (main.Entries() is not { Count: > 0 } entries)
        {
            return "spacing (no entries)";
        }

        var entry = entries[random.Next(entries.Count)];
        var line = main.Lines[entry.Start];
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        main.Lines[entry.Start] = entry.Name + Pick(random, ["=", "\t=\t", "   =", " =  \t", "= "]) + line[(equals + 1)..].TrimStart();
        return $"{entry.Name} spacing";
    }

    private static string OddBytes(Random random, CfText main, int tag)
    {
        var value = Pick(random, ["caf\u00e9 \u00c3\u00a9t\u00e9", "cost $$5 and $$$myhostname", "a\u0001b", "x = y = z", "{ braces } and {{ nested }}", "\"quoted $myhostname\"", "$"]);
        var name = random.Next(2) == 0 ? $"mut{tag}_odd" : Pick(random, ["smtpd_banner", "smtp_helo_name", "mail_name", "bounce_notice_recipient"]);
        main.Lines.Add($"{name} = {value}");
        if (name.StartsWith("mut", StringComparison.Ordinal) && random.Next(2) == 0)
        {
            main.Lines.Add($"smtpd_banner = $myhostname ${name}");
        }

        return $"{name} odd value";
    }

    private static string OverrideChain(Random random, CfText master, int tag)
    {
        var first = $"mut{tag}_a";
        var second = $"mut{tag}_b";
        var options = Pick(random, [
            $"-o {first}=reject -o {second}=${first} -o smtpd_client_restrictions=${second}",
            $"-o {first}= -o smtpd_helo_restrictions=${{{first}?{{x}}:{{y}}}}",
            $"-o {{ {first} = permit_mynetworks reject }}\n  -o {{ smtpd_sender_restrictions = ${first} }}",
            $"-o smtpd_client_restrictions=${first} -o {first}=late",
            $"-o {first}=${{{second}}}",
        ]);
        master.Lines.Add($"chain{tag} inet n - n - - smtpd");
        master.Lines.AddRange(options.Split('\n').Select(l => l.StartsWith(' ') ? l : "  " + l));
        return $"override chain {tag}";
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static List<(string Name, string MainCf, string MasterCf)> LoadInputs()
    {
        var inputs = new List<(string, string, string)>();
        if (Corpus.Root is { } root)
        {
            foreach (var file in Corpus.MainCfFiles(root).Where(f => f.IsReal))
            {
                var master = file.MasterCfPath is null ? "" : Encoding.Latin1.GetString(File.ReadAllBytes(file.MasterCfPath));
                inputs.Add((file.RelativePath, Encoding.Latin1.GetString(File.ReadAllBytes(file.FullPath)), master));
            }
        }

        if (Corpus.RepositoryRoot is { } repository)
        {
            foreach (var directory in Directory.GetDirectories(Path.Combine(repository, "testdata", "examples")).Order(StringComparer.Ordinal))
            {
                var mainPath = Path.Combine(directory, "main.cf");
                var masterPath = Path.Combine(directory, "master.cf");
                if (File.Exists(mainPath))
                {
                    inputs.Add(("testdata/examples/" + Path.GetFileName(directory),
                        Encoding.Latin1.GetString(File.ReadAllBytes(mainPath)),
                        File.Exists(masterPath) ? Encoding.Latin1.GetString(File.ReadAllBytes(masterPath)) : ""));
                }
            }
        }

        if (inputs.Count == 0)
        {
            inputs.Add(("(no corpus)", "myhostname = mail.example.com\nmydestination = $myhostname, localhost\n", "smtp inet n - n - - smtpd\n"));
        }

        return inputs;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.:\[\]-]+[ \t]+(inet|unix|unix-dgram|fifo|pass)[ \t]")]
    private static partial Regex ServiceLine();

    [GeneratedRegex(@"^([A-Za-z0-9_.-]+)[ \t]*=[ \t]*(.*)$")]
    private static partial Regex ParameterLine();

    /// <summary>A file as lines (LF or CRLF stripped), with how to write it back.</summary>
    private sealed class CfText
    {
        public CfText(string text)
        {
            FinalNewline = text.Length == 0 || text.EndsWith('\n');
            Lines = [.. text.Split('\n')];
            if (FinalNewline && Lines.Count > 0)
            {
                Lines.RemoveAt(Lines.Count - 1);
            }

            // Keep CR the input had: a CRLF input stays CRLF through the LF join.
            LineEnd = "\n";
        }

        public List<string> Lines { get; }

        public string LineEnd { get; set; }

        public bool FinalNewline { get; set; }

        public string Render()
        {
            if (Lines.Count == 0)
            {
                return "";
            }

            var text = string.Join(LineEnd, Lines.Select(l => LineEnd == "\r\n" ? l.TrimEnd('\r') : l));
            return FinalNewline ? text + LineEnd : text;
        }

        /// <summary>Each parameter assignment: its first line, the line after its last continuation line, name and first-line value.</summary>
        public List<(int Start, int End, string Name, string Value)> Entries()
        {
            var entries = new List<(int, int, string, string)>();
            for (var i = 0; i < Lines.Count; i++)
            {
                if (ParameterLine().Match(Lines[i].TrimEnd('\r')) is not { Success: true } match)
                {
                    continue;
                }

                var end = i + 1;
                while (end < Lines.Count && Lines[end].Length > 0 && Lines[end][0] is ' ' or '\t' && Lines[end].Trim().Length > 0 && !Lines[end].TrimStart().StartsWith('#'))
                {
                    end++;
                }

                entries.Add((i, end, match.Groups[1].Value, match.Groups[2].Value.Trim()));
            }

            return entries;
        }
    }
}
