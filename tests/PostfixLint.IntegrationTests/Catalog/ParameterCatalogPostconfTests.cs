using System.Text.RegularExpressions;
using PostfixLint.Model.Catalog;

namespace PostfixLint.IntegrationTests.Catalog;

/// <summary>The embedded catalogue against the real postconf 3.7.11 on this machine.</summary>
[TestFixture]
public sealed class ParameterCatalogPostconfTests
{
    private static ParameterCatalog Catalog => ParameterCatalog.Postfix37;

    [Test]
    public async Task Embedded_defaults_equal_live_postconf_d_except_computed_entries()
    {
        using var postconf = PostconfRunner.Create();

        var result = await postconf.RunAsync("-d");

        result.ExitCode.Should().Be(0, result.StandardError);
        var live = result.Parameters();
        live.Should().HaveCount(831);
        Catalog.Names.Should().Equal(result.Names(), "postconf -d lists the same names in the same byte order");
        foreach (var (name, value) in live)
        {
            if (Catalog.IsComputed(name))
            {
                continue;
            }

            Catalog.TryGetDefault(name, out var stored).Should().BeTrue(name);
            stored.Should().Be(value, $"the default of {name}");
        }
    }

    [Test]
    public async Task Computed_entries_equal_ComputedDefaults_for_this_host()
    {
        using var postconf = PostconfRunner.Create();

        var result = await postconf.RunAsync("-d");

        var live = result.Parameters();
        var host = HostFacts.Current() with { ProcessId = result.ProcessId };
        var computed = ComputedDefaults.ForPostconfDefaults(host);
        computed.Keys.Should().BeEquivalentTo(ComputedDefaults.Names);
        foreach (var name in ComputedDefaults.Names)
        {
            Catalog.IsComputed(name).Should().BeTrue(name);
            Catalog.TryGetDefault(name, out _).Should().BeFalse($"{name} is machine-dependent and not stored");
            computed[name].Should().Be(live[name], $"the computed default of {name}");
        }

        Catalog.Names.Where(Catalog.IsComputed).Should().BeEquivalentTo(ComputedDefaults.Names);
    }

    [Test]
    public async Task Exactly_the_raw_parameters_are_left_unexpanded_by_postconf_x()
    {
        // Every string-like built-in is set to "$biff x"; postconf -nx expands all but the raw ones. Parameters that
        // postconf itself validates while evaluating (and config_directory, which -c overrides) are left out.
        var skipped = new HashSet<string>(StringComparer.Ordinal)
        {
            "config_directory", "inet_protocols", "inet_interfaces", "mynetworks_style", "compatibility_level",
        };
        var candidates = Catalog.Names
            .Where(n => Catalog.GetKind(n) is ParameterKind.String or ParameterKind.Raw && !skipped.Contains(n))
            .ToList();
        candidates.Should().HaveCountGreaterThan(400);
        using var postconf = PostconfRunner.Create(string.Concat(candidates.Select(n => $"{n} = $biff x\n")));

        var result = await postconf.RunAsync("-nx");

        result.ExitCode.Should().Be(0, result.StandardError);
        var live = result.Parameters();
        var unexpanded = candidates.Where(n => live[n] == "$biff x").ToList();
        unexpanded.Should().BeEquivalentTo(Catalog.Names.Where(Catalog.IsRaw));
        unexpanded.Should().HaveCount(9);
        Catalog.IsRaw("smtpd_reject_footer").Should().BeTrue();
        Catalog.IsRaw("myorigin").Should().BeFalse();
    }

    [Test]
    public async Task Legacy_names_are_accepted_silently_and_listed_only_when_set()
    {
        var legacy = Catalog.LegacyNames;
        legacy.Should().Contain(["virtual_maps", "fallback_relay", "authorized_verp_clients"]).And.HaveCount(13);
        using var postconf = PostconfRunner.Create(string.Concat(legacy.Select(n => $"{n} = legacy value\n")));

        var set = await postconf.RunAsync("-n");
        var defaults = await postconf.RunAsync("-d");
        var queried = await postconf.RunAsync(["-d", .. legacy]);

        set.StandardError.Should().BeEmpty("postconf 3.7 neither warns about legacy names nor calls them unused");
        set.Parameters().Keys.Should().Contain(legacy);
        defaults.Parameters().Keys.Should().NotContain(legacy);
        queried.StandardError.Should().BeEmpty();
        queried.Parameters().Should().Equal(legacy.ToDictionary(n => n, _ => string.Empty));
        foreach (var name in legacy)
        {
            Catalog.IsLegacy(name).Should().BeTrue();
            Catalog.IsBuiltIn(name).Should().BeFalse();
            Catalog.IsKnown(name).Should().BeTrue();
            Catalog.TryGetDefault(name, out var value).Should().BeTrue();
            value.Should().BeEmpty();
        }
    }

    [Test]
    public async Task Read_only_parameters_are_the_ones_postconf_refuses_to_assign()
    {
        var readOnly = Catalog.Names.Where(Catalog.IsReadOnly).ToList();
        readOnly.Should().BeEquivalentTo(["process_id", "process_name", "service_name"]);
        using var postconf = PostconfRunner.Create(string.Concat(readOnly.Select(n => $"{n} = 1\n")) + "biff = no\n");

        var result = await postconf.RunAsync("-n");

        foreach (var name in readOnly)
        {
            result.StandardError.Should().Contain($"{postconf.Directory}/main.cf: read-only parameter assignment: {name}=1");
        }

        Catalog.IsReadOnly("biff").Should().BeFalse();
    }

    [Test]
    public async Task Service_defined_parameters_of_the_Debian_master_cf_match_postconf()
    {
        var masterCf = File.ReadAllText(TestData.Path("postconf", "debian-master.cf"));
        using var postconf = PostconfRunner.Create(masterCf: masterCf);

        var result = await postconf.RunAsync("-d");

        result.ExitCode.Should().Be(0, result.StandardError);
        var live = result.Parameters();
        live.Should().HaveCount(1043);
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Catalog.Names)
        {
            if (Catalog.TryGetDefault(name, out var value))
            {
                expected[name] = value;
            }
            else
            {
                expected[name] = live[name];
            }
        }

        foreach (var (service, command) in MasterCfServices(masterCf))
        {
            foreach (var (name, value) in Catalog.ServiceDefinedParameters(service, command))
            {
                expected[name] = value;
            }
        }

        live.Should().Equal(expected);
        live["relay_destination_concurrency_limit"].Should().Be("$default_destination_concurrency_limit");
        live["maildrop_time_limit"].Should().Be("$command_time_limit");
        live["local_destination_concurrency_limit"].Should().Be("2");
    }

    [Test]
    public async Task Service_parameters_depend_on_the_exact_command_name()
    {
        const string masterCf = """
            myrelay   unix  -       -       n       -       -       smtp
            mypipe    unix  -       n       n       -       -       pipe flags=F user=nobody argv=/bin/true
            myspawn   unix  -       n       n       -       -       spawn user=nobody argv=/bin/true
            mypath    unix  -       -       n       -       -       /usr/lib/postfix/sbin/smtp
            myerr     unix  -       -       n       -       -       error
            """;
        using var postconf = PostconfRunner.Create(masterCf: masterCf + "\n");

        var result = await postconf.RunAsync("-d");

        var extra = result.Parameters().Where(p => !Catalog.IsBuiltIn(p.Key)).ToDictionary();
        var expected = MasterCfServices(masterCf)
            .SelectMany(s => Catalog.ServiceDefinedParameters(s.Service, s.Command))
            .ToDictionary(p => p.Name, p => p.Default);
        extra.Should().Equal(expected);
        Catalog.ServiceDefinedParameters("myspawn", "spawn").Should().Equal([("myspawn_time_limit", "$command_time_limit")]);
        Catalog.ServiceDefinedParameters("mypath", "/usr/lib/postfix/sbin/smtp").Should().BeEmpty();
        Catalog.ServiceDefinedParameters("myrelay", "smtp").Should().HaveCount(16);
        Catalog.ServiceDefinedParameters("mypipe", "pipe").Should().HaveCount(17);
    }

    [Test]
    public async Task Legacy_database_parameters_are_valid_only_for_their_table_prefix()
    {
        const string mainCf = """
            virtual_alias_maps = ldap:ldapsource, proxy:mysql:mysqlsource, pgsql:/etc/postfix/pg.cf
            ldapsource_server_host = ldap.example.com
            ldapsource_bogus_setting = 1
            mysqlsource_hosts = db.example.com
            pg_hosts = db.example.com
            """;
        using var postconf = PostconfRunner.Create(mainCf + "\n");

        var result = await postconf.RunAsync("-n");

        var shown = result.Parameters().Keys.ToHashSet();
        var references = new[] { "ldap:ldapsource", "proxy:mysql:mysqlsource", "pgsql:/etc/postfix/pg.cf" };
        foreach (var name in new[] { "ldapsource_server_host", "ldapsource_bogus_setting", "mysqlsource_hosts", "pg_hosts" })
        {
            Catalog.IsDatabaseParameter(name, references).Should().Be(shown.Contains(name), name);
            result.StandardError.Contains($"unused parameter: {name}=", StringComparison.Ordinal)
                .Should().Be(!shown.Contains(name), name);
        }

        Catalog.DatabaseTypes.Should().Equal("ldap", "memcache", "mysql", "pgsql", "sqlite");
        Catalog.DatabaseSuffixes("mysql").Should().Contain(["hosts", "query", "table", "select_field", "domain"]);
    }

    [Test]
    public void Kinds_come_from_the_source_tables_and_fit_the_defaults()
    {
        var integer = new Regex("^-?[0-9]+$");
        // A time default may be a conditional expression with a unit, e.g. smtpd_timeout = ${stress?{10}:{300}}s.
        var time = new Regex(@"^([0-9]+|\$\{[^}]*\{[^}]*\}:\{[^}]*\}\})[smhdw]?$");
        foreach (var name in Catalog.Names)
        {
            var kind = Catalog.GetKind(name);
            kind.Should().NotBe(ParameterKind.Unknown, name);
            if (!Catalog.TryGetDefault(name, out var value))
            {
                continue;
            }

            switch (kind)
            {
                case ParameterKind.Boolean:
                    value.Should().BeOneOf(["yes", "no"], name);
                    break;
                case ParameterKind.Integer:
                case ParameterKind.Long:
                    value.Should().MatchRegex(integer, name);
                    break;
                case ParameterKind.Time:
                    value.Should().MatchRegex(time, name);
                    break;
            }
        }

        Catalog.GetKind("message_size_limit").Should().Be(ParameterKind.Long);
        Catalog.GetKind("smtpd_tls_auth_only").Should().Be(ParameterKind.Boolean);
        Catalog.GetKind("smtputf8_enable").Should().Be(ParameterKind.BooleanExpression);
        Catalog.GetKind("maximal_queue_lifetime").Should().Be(ParameterKind.Time);
        Catalog.GetKind("smtpd_junk_command_limit").Should().Be(ParameterKind.IntegerExpression);
        Catalog.GetKind("mynetworks").Should().Be(ParameterKind.ComputedString);
        Catalog.GetKind("process_id").Should().Be(ParameterKind.ReadOnly);
        Catalog.GetKind("no_such_parameter").Should().Be(ParameterKind.Unknown);
    }

    [Test]
    public void Relay_domains_default_is_unexpanded()
    {
        Catalog.TryGetDefault("relay_domains", out var value).Should().BeTrue();

        value.Should().Be("${{$compatibility_level} <level {2} ? {$mydestination} : {}}");
        Catalog.IsBuiltIn("relay_domains").Should().BeTrue();
        Catalog.IsBuiltIn("relay_domain").Should().BeFalse();
        Catalog.TryGetDefault("relay_domain", out _).Should().BeFalse();
    }

    // master.cf: a service line starts in column 1; field 8 onwards is the command, the first word its name.
    private static IEnumerable<(string Service, string Command)> MasterCfServices(string masterCf)
    {
        foreach (var line in masterCf.Split('\n'))
        {
            if (line.Length == 0 || line[0] is '#' or ' ' or '\t')
            {
                continue;
            }

            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 8)
            {
                yield return (fields[0], fields[7]);
            }
        }
    }
}
