using PostfixLint.Model.Values;

namespace PostfixLint.IntegrationTests.Values;

// Differential tests: our expansion against the real postconf 3.7 (-n -x, -h -x) on generated main.cf files.
[NonParallelizable]
public sealed class PostconfDifferentialTests
{
    private static Dictionary<string, string> s_defaults = [];

    [OneTimeSetUp]
    public async Task Load_postconf_defaults()
    {
        PostconfRunner.RequirePostconf();
        var dir = PostconfRunner.WriteConfig([]);
        var output = await PostconfRunner.RunAsync("-c", dir, "-d");
        s_defaults = PostconfRunner.ParseNameValues(output.StandardOutput);
        s_defaults.Should().ContainKey("relay_domains", "postconf -d must list the built-in defaults");
    }

    private static readonly (string, string)[] s_users =
    [
        ("u_set", "hello"),
        ("u_empty", ""),
        ("u_num", "10"),
        ("u_num2", "9"),
        ("u_ref", "[$u_set]"),
        ("u_chain", "$u_ref$u_ref"),
        ("u_dollar", "a$$b"),
        ("u_bad", "${a b}"),
    ];

    // Every row of the expansion table, conditionals with and without braces, relational and level operators.
    private static readonly (string, string)[] s_carriers =
    [
        ("smtpd_banner", "$u_set ${u_set} $(u_set) $u_set.x pa$u_setword $1abc ${ u_set } $( u_set )"),
        ("relay_domains", "${u_set?yes} ${u_empty?yes} ${undef1?yes}|${u_set:no}${u_empty:no}${undef2:no}"),
        ("alias_maps", "${u_set?{a:b}}|${u_empty:{c}}d|${u_set?{v1}:{v2}}|${u_empty?{v1}:{v2}}|${u_set?{v1}:v2 rest}|${u_empty?{v1}:v2 rest}"),
        ("myorigin", "${{$u_num} < {$u_num2}}|${{10} < {9}}|${{abc} < {abd}}|${{010} == {10}}|${{-1} < {0}}|${{$u_set} == {hello} ? {eq} : {ne}}|${{a} != {b}?{t}:{f}}"),
        ("mydomain", "${ u_set ? {sp} : {nsp} }|${ u_set ? a : b }|${u_set ? a }|$(u_set?{x}:{y})|${u_set?a:b}|${u_empty?a:b}"),
        ("home_mailbox", "$u_chain|$u_dollar|$$u_set|$$$u_set|${u_set?$$}|x$$"),
        ("header_checks", "${{$compatibility_level} <level {2} ? {old} : {new}}|${{$compatibility_level} >=level {3.6}}|${{3.06} ==level {3.6}}|${{3.10} >level {3.9}}|${{3.10} > {3.9}}"),
        ("transport_maps", "${{${u_set?bug:test}} != {bug:test}?{bad}:{good}}|${{${u_set??bug}} != {?bug}?{bad}:{good}}|${{${u_empty::bug}} != {:bug}?{bad}:{good}}"),
        ("virtual_alias_maps", "nested ${u_set?{${u_empty:{${u_num}}}}}, ${u_set?{${u_set?{deep}}}} ${{}=={}} ${{} == {x}} ${{x} > {}}"),
        ("mailbox_command", "/usr/bin/procmail -a \"$EXTENSION\" $u_set ${u_set?$$}"),
        ("luser_relay", "$u_set+$$x"),
        ("sender_canonical_maps", "[$luser_relay] [$mailbox_command]"),
        ("compatibility_level", "3.6"),
        ("canonical_maps", "$relay_domains, $append_dot_mydomain, $smtputf8_enable, $mynetworks_style, $respectful_logging"),
    ];

    private static string? Lookup(IReadOnlyDictionary<string, string> mainCf, string name) =>
        mainCf.TryGetValue(name, out var v) ? v : s_defaults.GetValueOrDefault(name);

    /// <summary>Warnings postconf's scan of main.cf logs: syntax errors and names with neither a setting nor a default.</summary>
    private static List<string> ScanWarnings(string dir, IReadOnlyDictionary<string, string> mainCf)
    {
        var expected = new List<string>();
        foreach (var (name, value) in mainCf)
        {
            if (MacroExpanderOptions.Postfix37RawParameters.Contains(name))
            {
                continue;
            }

            var scan = MacroReferences.Scan(value);
            expected.AddRange(scan.Messages.Select(m => m.ToString()));
            expected.AddRange(scan.References
                .Where(r => !mainCf.ContainsKey(r.Name) && !s_defaults.ContainsKey(r.Name))
                .Select(r => $"warning: {dir}/main.cf: undefined parameter: {r.Name}"));
        }

        return expected;
    }

    [Test]
    public async Task Expands_every_form_like_postconf_n_x()
    {
        var settings = s_users.Concat(s_carriers).ToArray();
        var mainCf = settings.ToDictionary(s => s.Item1, s => s.Item2);
        var dir = PostconfRunner.WriteConfig(settings);
        var expander = new MacroExpander(n => Lookup(mainCf, n));

        var output = await PostconfRunner.RunAsync("-c", dir, "-n", "-x");

        output.ExitCode.Should().Be(0, string.Join('\n', output.Messages));
        var printed = PostconfRunner.ParseNameValues(output.StandardOutput);
        foreach (var (name, _) in s_carriers)
        {
            printed.Should().ContainKey(name);
        }

        foreach (var (name, value) in printed.Where(p => mainCf.ContainsKey(p.Key)))
        {
            var ours = expander.ExpandParameter(name)!;
            ours.Failed.Should().BeFalse(name);
            PostconfRunner.Normalize(ours.Value).Should().Be(value, $"postconf -x {name}");
        }

        output.Messages.Where(m => !m.Contains(": unused parameter: ", StringComparison.Ordinal))
            .Should().BeEquivalentTo(ScanWarnings(dir, mainCf));
    }

    [TestCase(null)]
    [TestCase("0")]
    [TestCase("1")]
    [TestCase("2")]
    [TestCase("3.6")]
    [TestCase("3.06")]
    [TestCase("9")]
    public async Task Expands_level_dependent_defaults_like_postconf_h_x(string? level)
    {
        var settings = new List<(string, string)>
        {
            ("smtpd_banner", "${{$compatibility_level} <level {1} ? {lt1}}${{$compatibility_level} >=level {3.6} ? {ge36}}"),
        };
        if (level != null)
        {
            settings.Add(("compatibility_level", level));
        }

        var mainCf = settings.ToDictionary(s => s.Item1, s => s.Item2);
        var dir = PostconfRunner.WriteConfig(settings);
        var expander = new MacroExpander(n => Lookup(mainCf, n));
        string[] names =
        [
            "smtpd_banner", "relay_domains", "append_dot_mydomain", "smtputf8_enable", "mynetworks_style",
            "smtpd_relay_before_recipient_restrictions", "respectful_logging", "smtpd_tls_fingerprint_digest",
            "smtpd_relay_restrictions", "mydestination",
        ];

        var output = await PostconfRunner.RunAsync(["-c", dir, "-h", "-x", .. names]);

        output.ExitCode.Should().Be(0, string.Join('\n', output.Messages));
        var lines = output.StandardOutput.Split('\n')[..names.Length];
        names.Select(n => PostconfRunner.Normalize(expander.ExpandParameter(n)!.Value)).Should().Equal(lines);
    }

    private static IEnumerable<TestCaseData> FailingCases()
    {
        yield return Case("truncated", ("smtpd_banner", "x ${u_set"));
        yield return Case("dollar at end", ("smtpd_banner", "abc $"));
        yield return Case("dollar before space", ("smtpd_banner", "abc $ def"));
        yield return Case("empty braces", ("smtpd_banner", "${}"));
        yield return Case("space in name", ("smtpd_banner", "${a b}"));
        yield return Case("two errors", ("smtpd_banner", "${a b} $"));
        yield return Case("loop", ("smtpd_banner", "$a, x $c"), ("a", "$b"), ("b", "$a"));
        yield return Case("loop through branch", ("smtpd_banner", "$a"), ("a", "${u_set?{<$a>}}"));
        yield return Case("garbage level", ("smtpd_banner", "$relay_domains"), ("compatibility_level", "3.6x"));
        yield return Case("abc level", ("smtpd_banner", "${{$compatibility_level} <level {2}?{a}:{b}}"), ("compatibility_level", "abc"));
        yield return Case("bad operator", ("smtpd_banner", "${{a} = {b}}"));
        yield return Case("bad suffix", ("smtpd_banner", "${{a} ==foo {b}}"));
        yield return Case("colon expected", ("smtpd_banner", "${u_set?{x}y}"));
        yield return Case("unexpected input", ("smtpd_banner", "${u_empty:{x}y}"));
        yield return Case("expression expected", ("smtpd_banner", "${{a}==(b)}"));
        yield return Case("question or colon expected", ("smtpd_banner", "${{a} == {b} x}"));
        yield return Case("unbalanced curly", ("smtpd_banner", "$(u_set?{x)"));
        yield return Case("raw parameter reached by reference", ("smtpd_banner", "$mailbox_command"), ("mailbox_command", "${a b}"));
        yield return Case("numeric overflow", ("smtpd_banner", "${{99999999999999999999} == {1}}"));
    }

    private static TestCaseData Case(string label, params (string, string)[] settings) =>
        new TestCaseData((object)settings).SetArgDisplayNames(label);

    [TestCaseSource(nameof(FailingCases))]
    public async Task Fails_like_postconf_with_the_same_messages((string, string)[] settings)
    {
        var all = settings.Concat([("u_set", "hello"), ("u_empty", "")]).ToArray();
        var mainCf = all.ToDictionary(s => s.Item1, s => s.Item2);
        var dir = PostconfRunner.WriteConfig(all);
        var expander = new MacroExpander(n => Lookup(mainCf, n));
        var ours = expander.ExpandParameter("smtpd_banner")!;

        var output = await PostconfRunner.RunAsync("-c", dir, "-h", "-x", "smtpd_banner");

        ours.Failed.Should().BeTrue();
        output.ExitCode.Should().NotBe(0);
        var tail = ours.Messages.Select(m => m.ToString()).ToList();
        output.Messages.Should().HaveCountGreaterThanOrEqualTo(tail.Count);
        output.Messages.TakeLast(tail.Count).Should().Equal(tail);

        // Whatever came before is scan output: a sub-multiset of what our scan predicts.
        var expectedScan = ScanWarnings(dir, mainCf);
        foreach (var message in output.Messages.SkipLast(tail.Count))
        {
            expectedScan.Should().Contain(message);
            expectedScan.Remove(message);
        }
    }

    [Test]
    public async Task Only_warns_for_a_syntax_error_nothing_references()
    {
        (string, string)[] settings = [("u_bad", "${a b}"), ("smtpd_banner", "fine")];
        var dir = PostconfRunner.WriteConfig(settings);

        var output = await PostconfRunner.RunAsync("-c", dir, "-h", "-x", "smtpd_banner");

        output.ExitCode.Should().Be(0);
        output.StandardOutput.Should().Be("fine\n");
        output.Messages.Should().Contain(MacroReferences.Scan("${a b}").Messages.Select(m => m.ToString()));
    }
}
