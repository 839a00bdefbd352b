using System.Diagnostics;
using System.Text;
using PostfixLint.Analysis;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Simulation;
using PostfixLint.Syntax;
using PostfixLint.Tests.Cli;
using PostfixLint.Tests.Simulation;

namespace PostfixLint.Tests.Robustness;

/// <summary>The nine defect classes of issue 10, one regression test (or a few) each; replies checked on real Postfix 3.7.</summary>
[TestFixture]
public sealed class RobustnessRegressionTests
{
    private static readonly string s_forty = new('a', 40);

    private string _directory = "";

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "pfl-robust-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    // 1. postfix-oracle: RCPT TO:<> gets "501 5.1.3 Bad recipient address syntax" whatever the restrictions.
    [TestCase("reject_unauth_destination", "")]
    [TestCase("reject_unauth_destination", "<>")]
    [TestCase("defer_unauth_destination", "")]
    [TestCase("defer_unauth_destination", " <> ")]
    public void An_empty_recipient_gets_smtpds_501_before_any_restriction(string restriction, string recipient)
    {
        var result = SimulatorFixture.Run($"smtpd_recipient_restrictions = {restriction}", SimulatorFixture.Remote(recipient));

        result.RcptReply.Should().Be("501 5.1.3 Bad recipient address syntax");
        result.Decision.Should().Be(Decision.Reject);
    }

    // 2. postmap -q: pcre warns "match limit exceeded" and skips the rule; glibc's regexp never runs away.
    [Test]
    public void A_runaway_pcre_match_is_a_match_limit_warning_and_no_match()
    {
        var result = SimulatorFixture.Run(
            "smtpd_sender_restrictions = check_sender_access pcre:/etc/postfix/senders",
            SimulatorFixture.Remote(sender: s_forty + "@example.com"),
            files: new Dictionary<string, string> { ["senders"] = "/^(a+)+$/ REJECT one\n/^(.*a){30}$/ REJECT two\n" });

        result.Warnings.Should().Contain(w => w.EndsWith("senders, line 1: match limit exceeded", StringComparison.Ordinal))
            .And.Contain(w => w.EndsWith("senders, line 2: match limit exceeded", StringComparison.Ordinal));
        result.Trace.Should().Contain(t => t.List == "smtpd_sender_restrictions" && t.Result == TraceResult.Dunno);
    }

    [TestCase("", "REJECT one")]
    [TestCase("@example.com", null)]
    [TestCase("b", null)]
    public void A_runaway_regexp_match_gives_glibcs_answer(string suffix, string? expected)
    {
        var path = Path.Combine(_directory, "re.map");
        File.WriteAllText(path, "/^(a+)+$/ REJECT one\n/^(.*a){30}$/ REJECT two\n");
        File.WriteAllText(Path.Combine(_directory, "main.cf"), "");
        var config = PostfixConfig.Load(_directory);
        var table = new PostfixLint.Model.Tables.LookupTableFactory(config).Open("regexp:" + path);

        var lookup = table.Lookup(s_forty + suffix);

        lookup.Value.Should().Be(expected);
    }

    // 3. postfix-oracle: a class cycle kills smtpd at start-up ("bad command startup -- throttling").
    [Test]
    public void A_restriction_class_cycle_kills_smtpd_at_start_up()
    {
        var result = SimulatorFixture.Run("smtpd_restriction_classes = c1 c2\nc1 = c2\nc2 = c1\nsmtpd_recipient_restrictions = c1, reject_unauth_destination", SimulatorFixture.Remote());

        result.Decision.Should().Be(Decision.Error);
        result.Error.Should().Contain("c1 -> c2 -> c1").And.Contain("signal 11");
    }

    [Test]
    public void A_restriction_class_cycle_reached_in_the_session_is_an_error_not_a_crash()
    {
        var result = SimulatorFixture.Run("smtpd_restriction_classes = c1\nc1 = c1\nsmtpd_client_restrictions = c1", SimulatorFixture.Remote());

        result.Decision.Should().Be(Decision.Error);
        result.Error.Should().Contain("invokes itself");
    }

    // postfix-oracle, Postfix 3.7.11 (Debian 12, 8 MiB stack): smtpd answers a chain of 37,380 classes from
    // smtpd_recipient_restrictions ("554 5.7.1 <b@example.com>: Recipient address rejected: Access denied" when the
    // last class rejects); with 37,381 it is killed by signal 11 at RCPT TO and master logs "bad command startup --
    // throttling". The walk keeps the chain on the heap: neither depth touches the .NET stack.
    [TestCase(10_000)]
    [TestCase(RestrictionWalker.SmtpdMaxClassNesting)]
    public void A_class_chain_real_smtpd_answers_is_answered_without_recursion(int depth)
    {
        File.WriteAllText(Path.Combine(_directory, "main.cf"), ClassChain(depth, "smtpd_recipient_restrictions = c1, permit\nsmtpd_client_restrictions = c1\n"));
        var config = PostfixConfig.Load(_directory);

        var result = new RelaySimulator(config, new SimulatorOptions { NoPasswd = true }).Simulate(SimulatorFixture.Remote());

        result.Decision.Should().Be(Decision.Reject);
        result.RcptReply.Should().Contain("Access denied");
    }

    [Test]
    public void Check_survives_a_ten_thousand_deep_class_chain()
    {
        File.WriteAllText(Path.Combine(_directory, "main.cf"), ClassChain(10_000, "smtpd_recipient_restrictions = c1, permit\nsmtpd_client_restrictions = c1\n"));
        var config = PostfixConfig.Load(_directory);

        var check = () => Linter.Check(config);

        check.Should().NotThrow();
    }

    [TestCase(RestrictionWalker.SmtpdMaxClassNesting + 1)]
    public void A_class_chain_deeper_than_real_smtpd_answers_is_the_error_smtpd_dies_of(int depth)
    {
        File.WriteAllText(Path.Combine(_directory, "main.cf"), ClassChain(depth, "smtpd_recipient_restrictions = c1, permit\n"));
        var config = PostfixConfig.Load(_directory);

        var result = new RelaySimulator(config, new SimulatorOptions { NoPasswd = true }).Simulate(SimulatorFixture.Remote());

        result.Decision.Should().Be(Decision.Error);
        result.Error.Should().Contain($"more than {RestrictionWalker.SmtpdMaxClassNesting} deep").And.Contain("signal 11");
    }

    // c1 = c2, c2 = c3, ..., the last one rejects.
    private static string ClassChain(int depth, string lists)
    {
        var text = new StringBuilder("smtpd_restriction_classes = ");
        text.AppendJoin(' ', Enumerable.Range(1, depth).Select(i => $"c{i}")).Append('\n');
        for (var i = 1; i < depth; i++)
        {
            text.Append($"c{i} = c{i + 1}\n");
        }

        return text.Append($"c{depth} = reject\n").Append(lists).ToString();
    }

    // 4. Maps nested 10,000 deep: linear, and the inner ones are not opened.
    [TestCase("unionmap:{", "}")]
    [TestCase("pipemap:{", "}")]
    [TestCase("inline:{", "}")]
    [TestCase("proxy:", "")]
    public void Maps_nested_ten_thousand_deep_stop_at_the_nesting_limit(string open, string close)
    {
        var inner = open == "inline:{" ? "a=b" : "inline:{a=b}";
        var spec = string.Concat(Enumerable.Repeat(open, 10_000)) + inner + string.Concat(Enumerable.Repeat(close, 10_000));
        File.WriteAllText(Path.Combine(_directory, "main.cf"), $"smtpd_recipient_restrictions = check_recipient_access {spec}, reject_unauth_destination\n");
        var config = PostfixConfig.Load(_directory);

        var result = new RelaySimulator(config, new SimulatorOptions { NoPasswd = true }).Simulate(SimulatorFixture.Remote());
        var check = () => Linter.Check(config);

        result.Should().NotBeNull();
        check.Should().NotThrow();
        GC.GetTotalMemory(forceFullCollection: false).Should().BeLessThan(1L << 30);
    }

    // Found by the fuzz harness: "permitunionmap:{unionmap:{..." unbalanced made the map-reference grammar backtrack exponentially.
    [Test]
    public void An_unbalanced_nested_map_reference_is_not_a_reference_and_parses_in_one_pass()
    {
        var spec = "unionmap:" + string.Concat(Enumerable.Repeat("unionmap:{", 300));

        PostfixLint.Model.Values.MapReference.Parse(spec)!.Name.Should().Be(spec["unionmap:".Length..]);
        PostfixLint.Model.Values.MapReference.Parse("unionmap:{" + spec)!.Name.Should().StartWith("{");
        PostfixLint.Model.Values.MapReference.Parse("inline:{a=b, {c=d}}")!.Name.Should().Be("{a=b, {c=d}}");
    }

    // 5. A lone surrogate in a probe: "FILE, line N: ..." and exit 2, like every other bad JSON.
    [Test]
    public void A_lone_surrogate_in_a_probe_is_a_clear_usage_error()
    {
        File.WriteAllText(Path.Combine(_directory, "main.cf"), "smtpd_recipient_restrictions = reject_unauth_destination\n");
        var probes = Path.Combine(_directory, "probes.jsonl");
        File.WriteAllText(probes, "{\"client\":\"10.0.0.1\",\"sender\":\"\\ud800@example.com\",\"recipient\":\"x@y.z\"}\n");

        var run = CliRun.Of(["simulate", "-c", _directory, "--probes", probes]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain($"{probes}, line 1: a string holds a lone UTF-16 surrogate");
    }

    [Test]
    public void A_lone_surrogate_in_a_policy_is_a_policy_error()
    {
        var result = PostfixLint.Analysis.Relay.RelayPolicyReader.Read("{ \"mayRelay\": [ { \"client\": \"\\udc00\" } ] }");

        result.Policy.Should().BeNull();
        result.Errors.Should().ContainSingle().Which.Message.Should().Contain("lone UTF-16 surrogate");
    }

    // 6. Nested comparison macros: cut off like ${a?{...}}, at the same depth.
    [Test]
    public void Nested_comparison_macros_are_cut_off_as_unreasonable_nesting()
    {
        var value = "y";
        for (var i = 0; i < 10_000; i++)
        {
            value = "${{$a} == {" + value + "}?{y}}";
        }

        File.WriteAllText(Path.Combine(_directory, "main.cf"), $"a = y\nmyhostname = {value}\n");

        var run = CliRun.Of(["show", "-n", "-c", _directory]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("unreasonable macro call nesting");
    }

    // Found by the fuzz harness (10^6 campaign, seed 42: cf9c9a13, ef386c6c, 89dd66a8): a parameter whose nested
    // comparisons name itself. Each operand restarts Postfix's nesting count, so Postfix would recurse until its stack
    // runs out; we unfolded every operand of every level up to the operand bound and stopped only at the expansion
    // limit (510 MiB). Naming a parameter inside a comparison operand of its own value now stops there, at once.
    [TestCase(80)]
    [TestCase(1024)]
    public void A_parameter_named_inside_a_comparison_operand_of_its_own_value_is_cut_off_at_once(int depth)
    {
        var value = "y";
        for (var i = 0; i < depth; i++)
        {
            value = "${{$a} == {" + value + "}?{y}}";
        }

        var config = PostfixConfig.FromPostconfOutput($"a = {value}\nb = $a\nmyhostname = $a\n", "postconf.txt");
        _ = config.IsUsable;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var expanded = config.ExpanderOf(null).Expand("$myhostname");
        var result = new RelaySimulator(config, new SimulatorOptions { NoPasswd = true }).Simulate(SimulatorFixture.Remote());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        expanded.Failed.Should().BeTrue();
        expanded.Messages.Select(m => m.Message).Should().Contain("unreasonable macro call nesting: \"a\"");
        result.Should().NotBeNull();
        allocated.Should().BeLessThan(16L << 20);
    }

    // The same cycle through two parameters: a's operand names b, whose operand names a.
    [Test]
    public void A_cycle_through_the_comparison_operands_of_two_parameters_is_cut_off_at_once()
    {
        var config = PostfixConfig.FromPostconfOutput("a = ${{$b} == {x}?{1}:{2}}\nb = ${{$a} == {y}?{3}:{4}}\nmyhostname = $a\n", "postconf.txt");

        var expanded = config.ExpanderOf(null).Expand("$myhostname");

        expanded.Failed.Should().BeTrue();
        expanded.Messages.Select(m => m.Message).Should().ContainSingle(m => m.StartsWith("unreasonable macro call nesting", StringComparison.Ordinal));
    }

    // Found while fixing the above: a doubling chain made of comparisons (eN = ${{$e(N-1)} == {$e(N-1)}?{$e(N-1)}})
    // was kept out of the value memo, so every level was expanded again (465 MiB for 30 levels before the expansion
    // limit). Values with comparisons are now memoised too, reused only where their operands can't reach the operand
    // bound: the same value, the same limit message, a few MiB.
    [TestCase(8, "x")]
    [TestCase(30, null)]
    public void A_doubling_chain_of_comparisons_is_expanded_once_per_parameter(int levels, string? expected)
    {
        var text = new StringBuilder("e0 = x\n");
        for (var i = 1; i <= levels; i++)
        {
            text.Append($"e{i} = ${{{{$e{i - 1}}} == {{$e{i - 1}}}?{{$e{i - 1}}}}}\n");
        }

        var config = PostfixConfig.FromPostconfOutput(text.Append($"myhostname = $e{levels}\n").ToString(), "postconf.txt");
        _ = config.IsUsable;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var expanded = config.ExpanderOf(null).Expand("$myhostname");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        if (expected is null)
        {
            expanded.LimitHit.Should().BeTrue();
        }
        else
        {
            expanded.Failed.Should().BeFalse();
            expanded.Value.Should().Be(expected);
        }

        allocated.Should().BeLessThan(16L << 20);
    }

    // Found by the fuzz harness (10^6 campaign, seed 42: a stack overflow that ended the run): mynetworks_style's
    // default compares $compatibility_level, so a compatibility_level that names $mynetworks makes the computed default
    // of mynetworks depend on itself. Real postconf -x dies of SIGSEGV (exit 139); we say why, and exit 2.
    [TestCase("compatibility_level = $mynetworks\n")]
    [TestCase("compatibility_level = ${{$mynetworks} == {x}?{2}:{3.6}}\n")]
    [TestCase("compatibility_level = ${{3.6} == {3.6}?{3.6}}\nmynetworks_style = host\ninet_interfaces = 127.0.0.1\nb = $mynetworks\n", false)]
    public void A_computed_mynetworks_default_that_depends_on_itself_is_a_clear_fatal_not_a_stack_overflow(string mainCf, bool cycle = true)
    {
        File.WriteAllText(Path.Combine(_directory, "main.cf"), mainCf);

        var show = CliRun.Of(["show", "-x", "-c", _directory, "mynetworks"]);
        var check = CliRun.Of(["check", "-c", _directory, "--format", "json"]);
        var simulate = CliRun.Of(["simulate", "-c", _directory, "--client", "192.0.2.1", "--sender", "a@example.com", "--recipient", "b@example.net"]);

        const string Message = "the default value of mynetworks depends on itself";
        if (cycle)
        {
            show.ExitCode.Should().Be(2);
            show.Error.Should().Contain(Message);
            check.Out.Should().Contain("PFL050").And.Contain(Message);
            simulate.Out.Should().Contain("decision: error").And.Contain(Message);
        }
        else
        {
            show.ExitCode.Should().Be(0);
            show.Out.Should().Be("mynetworks = 127.0.0.1/32\n", "as postconf -x prints it");
            check.Out.Should().NotContain(Message);
            simulate.Out.Should().NotContain(Message);
        }
    }

    // Found by the fuzz harness (10^6 campaign, seed 42: 0e7065c9, 1141 ms and 1.1 GiB): a check_*_access table that is
    // a chain of 1,023 proxy: prefixes with a 64 KiB run of x inside one of them. The rules' table list and the relay
    // analysis parsed the rest of the chain again at each proxy level (each parse copying the text per level):
    // depth^2 x length. The prefixes are now skipped as text and only the table under them is parsed.
    [Test]
    public void A_long_proxy_chain_as_an_access_table_is_walked_without_parsing_it_per_level()
    {
        var table = string.Concat(Enumerable.Repeat("proxy:", 149)) + "p" + new string('x', 65_606) + "roxy:"
                    + string.Concat(Enumerable.Repeat("proxy:", 874)) + "inline:{a=b}";
        var config = PostfixConfig.FromPostconfOutput(
            $"smtpd_recipient_restrictions = permit_mynetworks,\n    {table}check_sender_access regexp:/etc/postfix/sender_checks,\n    reject_unauth_destination\n",
            "postconf.txt");
        _ = config.IsUsable;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var findings = Linter.Check(config).Findings;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        findings.Should().NotContain(f => f.Id == "PFL099", "no rule fails on it");
        allocated.Should().BeLessThan(128L << 20);
    }

    // 7. A doubling chain (2^26): a clear message at the documented limit, in well under a second.
    [Test]
    public void A_doubling_expansion_stops_at_the_expansion_limit()
    {
        var text = new StringBuilder("e0 = x\n");
        for (var i = 1; i <= 26; i++)
        {
            text.Append($"e{i} = $e{i - 1} $e{i - 1}\n");
        }

        File.WriteAllText(Path.Combine(_directory, "main.cf"), text.Append("myhostname = $e26\n").ToString());

        var run = CliRun.Of(["show", "-x", "-n", "-c", _directory]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain($"takes more than {InputLimits.MaxExpansionSteps} macro calls or {InputLimits.MaxExpansionLength} characters");
    }

    // Fuzz finding (f7013): a doubling chain under the expansion limit (2^17 copies of "1", or of nothing) built its
    // text with 2^18 macro calls again for each value that names it (343 MiB to 1.1 GiB for check). Each parameter of
    // the chain is now expanded once per name space, with the same text and the same messages.
    [TestCase("1")]
    [TestCase("")]
    public void A_doubling_chain_under_the_expansion_limit_is_expanded_once_per_parameter(string leaf)
    {
        var text = new StringBuilder($"e9 = {leaf}\n");
        for (var i = 10; i <= 26; i++)
        {
            text.Append($"e{i} = $e{i - 1} $e{i - 1}\n");
        }

        var config = PostfixConfig.FromPostconfOutput(text.Append("myhostname = $e26\n").ToString(), "postconf.txt");
        _ = config.IsUsable;
        var expected = string.Join(' ', Enumerable.Repeat(leaf, 1 << 17));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 6; i++)
        {
            config.ExpanderOf(null).Expand("$myhostname").Value.Should().Be(expected);
            config.Expand("myhostname").Should().Be(expected);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(32 << 20);
    }

    // Fuzz finding (f7013): the empty-leaf chain as myhostname stays far under the harness's bounds for check.
    [Test]
    public void Check_of_a_doubling_chain_of_empty_values_stays_within_the_fuzz_bounds()
    {
        var text = new StringBuilder("mynetworks = 127.0.0.0/8\ne9 =\n");
        for (var i = 10; i <= 26; i++)
        {
            text.Append($"e{i} = $e{i - 1} $e{i - 1}\n");
        }

        var config = PostfixConfig.FromPostconfOutput(text.Append("myhostname = $e26\n").ToString(), "postconf.txt");
        var before = GC.GetAllocatedBytesForCurrentThread();
        _ = Linter.Check(config, new LintOptions());

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(64 << 20);
    }

    // Fuzz finding (seed 42): a 256 KiB unknown parameter name built a 256 KiB "name + s" string for each of the
    // ~1,000 known names it was compared with (420 MiB) to look for a plural slip.
    [Test]
    public void A_quarter_mebibyte_parameter_name_gets_its_suggestions_without_copying_it_per_candidate()
    {
        var name = "smtpd_" + new string('$', 256 << 10) + "relay_restrictions";
        var catalog = PostfixConfig.FromPostconfOutput($"{name} = permit\n", "postconf.txt").Catalog;

        var before = GC.GetAllocatedBytesForCurrentThread();
        catalog.Suggest(name);

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(16 << 20);
    }

    // 8. A named pipe in place of main.cf, master.cf or a table: refused before it is opened, never a hang.
    [Test]
    public void A_named_pipe_in_place_of_main_cf_is_refused_without_blocking()
    {
        MakeFifo(Path.Combine(_directory, "main.cf"));

        var run = CliRun.Of(["show", "-n", "-c", _directory]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("main.cf: not a regular file (a named pipe");
    }

    [Test]
    public void A_named_pipe_as_a_table_source_or_list_file_does_not_block_check_or_simulate()
    {
        MakeFifo(Path.Combine(_directory, "fifo.re"));
        MakeFifo(Path.Combine(_directory, "fifo.net"));
        MakeFifo(Path.Combine(_directory, "master.cf"));
        File.WriteAllText(Path.Combine(_directory, "main.cf"),
            $"smtpd_recipient_restrictions = check_recipient_access regexp:{_directory}/fifo.re, reject_unauth_destination\nmynetworks = {_directory}/fifo.net\n");

        var check = CliRun.Of(["check", "-c", _directory]);
        var simulate = CliRun.Of(["simulate", "-c", _directory, "--client", "10.0.0.1", "--sender", "a@b.c", "--recipient", "x@y.z", "--passwd", $"{_directory}/fifo.net"]);
        var postconf = CliRun.Of(["show", "--postconf", $"{_directory}/fifo.net"]);

        check.ExitCode.Should().BeOneOf(0, 1, 2);
        simulate.ExitCode.Should().BeOneOf(0, 1, 2);
        postconf.ExitCode.Should().Be(2);
        postconf.Error.Should().Contain("not a regular file (a named pipe");
    }

    // 9. Endless input: a device is refused; a file over the size limit is refused before it is read.
    [Test]
    public void A_device_in_place_of_main_cf_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_directory, "main.cf"), "/dev/zero");

        var run = CliRun.Of(["show", "-n", "-c", _directory]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("main.cf: not a regular file (a character device)");
    }

    [Test]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_directory, "huge");
        using (var stream = File.Create(path))
        {
            stream.SetLength(InputLimits.MaxFileBytes + 1);
        }

        var read = () => InputFile.ReadAllBytes(path);

        read.Should().Throw<IOException>().WithMessage("file too large: over 256 MiB*");
    }

    // The message wording: strerror() words, never a .NET resource key.
    [Test]
    public void A_missing_main_cf_and_a_directory_in_its_place_are_worded_as_strerror()
    {
        var missing = CliRun.Of(["show", "-n", "-c", Path.Combine(_directory, "nope")]);
        Directory.CreateDirectory(Path.Combine(_directory, "main.cf"));
        var directory = CliRun.Of(["show", "-n", "-c", _directory]);

        missing.Error.Should().Contain("main.cf: No such file or directory");
        directory.Error.Should().Contain("main.cf: Is a directory");
    }

    [Test]
    public void Io_errors_are_described_without_the_exceptions_own_text()
    {
        ErrorText.Describe(new FileNotFoundException("IO_FileNotFound_FileName")).Should().Be("No such file or directory");
        ErrorText.Describe(new IOException("IO_SharingViolation", 21)).Should().Be("Is a directory");
        ErrorText.Describe(new IOException("Arg_IOException")).Should().Be("Input/output error");
    }

    private static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        process.ExitCode.Should().Be(0);
    }

    // Fuzz table.regexp-cd44a8b88120682e: a 66 KB pattern of spaces, each written "\ ", cost .NET's parser 4 GiB.
    [Test]
    public void A_long_run_of_one_escaped_literal_in_a_regexp_pattern_compiles_in_linear_memory()
    {
        var spaces = new string(' ', 66_000);
        var path = Path.Combine(_directory, "re.map");
        File.WriteAllText(path, $"/^a{spaces}b$/ OK spaces\n/^c{spaces.Replace(' ', '#')}d$/ OK hashes\n");
        File.WriteAllText(Path.Combine(_directory, "main.cf"), "");
        var config = PostfixConfig.Load(_directory);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var table = new PostfixLint.Model.Tables.LookupTableFactory(config).Open("regexp:" + path);
        var hit = table.Lookup("a" + spaces + "b");
        var hashes = table.Lookup("c" + spaces.Replace(' ', '#') + "d");
        var miss = table.Lookup("a" + spaces[1..] + "b");

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(64L << 20);
        hit.Value.Should().Be("OK spaces");
        hashes.Value.Should().Be("OK hashes");
        miss.Value.Should().BeNull();
    }

    // A quantifier after a run still applies to the run's last character only (POSIX); checked with postmap -q.
    [TestCase("/^a        *b$/", "a       b", "OK")]
    [TestCase("/^a        *b$/", "a                b", "OK")]
    [TestCase("/^a        *b$/", "a      b", null)]
    [TestCase("/^x\\.\\.\\.\\.\\.\\.\\.\\.+$/", "x........", "OK")]
    [TestCase("/^x\\.\\.\\.\\.\\.\\.\\.\\.+$/", "x...........", "OK")]
    [TestCase("/^x\\.\\.\\.\\.\\.\\.\\.\\.+$/", "x.......", null)]
    [TestCase("/^x\\.\\.\\.\\.\\.\\.\\.\\.+$/", "x........y", null)]
    [TestCase("/^y########?$/", "y#######", "OK")]
    [TestCase("/^y########?$/", "y########", "OK")]
    [TestCase("/^y########?$/", "y#########", null)]
    public void A_quantifier_after_a_run_of_escaped_literals_applies_to_its_last_character(string pattern, string key, string? expected)
    {
        var path = Path.Combine(_directory, "re.map");
        File.WriteAllText(path, pattern + " OK\n");
        File.WriteAllText(Path.Combine(_directory, "main.cf"), "");
        var table = new PostfixLint.Model.Tables.LookupTableFactory(PostfixConfig.Load(_directory)).Open("regexp:" + path);

        table.Lookup(key).Value.Should().Be(expected);
    }

    // Fuzz postconf+simulate+check-c5c4735c728988fb: each probe's notes quoted the whole 131 KB mynetworks element
    // (permit_mynetworks) and table name (match list lookups): 334 MiB for one check; long quotes are now clipped.
    [Test]
    public void A_huge_mynetworks_element_is_clipped_in_the_trace_text_and_check_stays_in_bounds()
    {
        var element = "127.0." + new string('{', 131_000) + "0.0/8";
        File.WriteAllText(Path.Combine(_directory, "main.cf"), $"compatibility_level = 3.6\ninet_interfaces = all\nmynetworks = {element} [::1]/128 192.168.1.0/24\n");
        var config = PostfixConfig.Load(_directory);
        var before = GC.GetAllocatedBytesForCurrentThread();

        _ = Linter.Check(config);

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(200L << 20);
    }

    [Test]
    public void Trace_text_quotes_normal_values_whole_and_cuts_long_ones_with_an_ellipsis()
    {
        var normal = new string('a', TraceText.MaxLength);
        var clipped = TraceText.Clip(normal + "b");

        TraceText.Clip(normal).Should().BeSameAs(normal);
        clipped.Should().Be(normal + "…");
        TraceText.ClipOrNull(null).Should().BeNull();
    }

    // Issue 10 class 7: postconf -n prints the raw values of a doubling chain (it does not expand them); show -n did
    // nothing but the limit message. Only what needs the expanded value stops: -x, check and simulate.
    [Test]
    public void Show_n_prints_the_raw_values_of_a_doubling_chain_past_the_expansion_limit()
    {
        var text = new StringBuilder("e0 = x\n");
        for (var n = 1; n <= 26; n++)
        {
            text.Append($"e{n} = $e{n - 1} $e{n - 1}\n");
        }

        File.WriteAllText(Path.Combine(_directory, "main.cf"), text.Append("myhostname = $e26\n").ToString());
        var config = PostfixConfig.Load(_directory);

        var raw = PostconfPrinter.Print(config, new PostconfQuery { NonDefaultOnly = true });
        var expanded = PostconfPrinter.Print(config, new PostconfQuery { NonDefaultOnly = true, Expand = true });

        raw.Failed.Should().BeFalse();
        raw.Lines.Should().Contain(["e0 = x", "e26 = $e25 $e25", "myhostname = $e26"]).And.HaveCount(29);
        raw.Messages.Should().NotContain(m => m.Severity == DiagnosticSeverity.Fatal);
        expanded.Failed.Should().BeTrue();
        expanded.Lines.Should().BeEmpty();
        config.IsUsable.Should().BeFalse();
        config.Messages.Should().Contain(m => m.Severity == DiagnosticSeverity.Fatal && m.Message.Contains("macro calls", StringComparison.Ordinal));
    }

    // Fuzz postconf+simulate+check-7db434fa0614457d: smtpd_relay_restrictions holds a map nested ~1,000 deep with
    // 128 Ki spaces inside (a 142 KB implicit check_recipient_access). Each nesting level's reference was scanned by
    // one input object per character (BalancedBody: 5.7 MB a level) and copied twice or three times per level, by
    // postconf's database scan, the table opener and the rules' table list: 940 MiB. Now one scan and one copy a level.
    [Test]
    public void A_deeply_nested_map_around_a_long_run_of_spaces_is_read_in_bounded_memory()
    {
        // 1,025 balanced braces: one list element of 142 KB, an implicit check_recipient_access of a unionmap.
        var nested = string.Concat(Enumerable.Repeat("unionmap:{", 449)) + "unionm" + new string(' ', 128 << 10) + "ap:{"
                     + string.Concat(Enumerable.Repeat("unionmap:{", 574)) + "inline:{a=b" + new string('}', 1025);
        var text = $"compatibility_level = 3.6\nsmtpd_sasl_auth_enable = yes\nsmtpd_relay_restrictions ={new string(' ', 898)}{nested}"
                   + $"{new string(' ', 1151)}permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination\n";
        var before = GC.GetAllocatedBytesForCurrentThread();

        var config = PostfixConfig.FromPostconfOutput(text, "postconf.txt");
        _ = config.IsUsable;
        var simulated = new RelaySimulator(config, new SimulatorOptions { NoPasswd = true }).Simulate(SimulatorFixture.Remote());
        var findings = Linter.Check(config).Findings;

        // The fuzz harness's bound (938 MiB before; 183 MiB now).
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(256L << 20);
        simulated.Decision.Should().Be(Decision.Defer);
        simulated.RcptReply.Should().Be("451 4.3.5 <someone@gmail.com>: Recipient address rejected: Server configuration error");
        findings.Select(f => f.Id).Should().Equal("PFL109", "PFL305");
    }

    // Fuzz postconf+simulate+check-0c4b49c4acbeb016: myhostname = $e26 of a doubling chain from e9 = 1 (2^17 names
    // "1", under the expansion limit), so mydestination's default names 131,072 domains. The relay analysis ran the
    // table-reference grammar on each of them to ask whether it is a table (about 2.8 KB each): 368 MiB, once per
    // check. Now a colon test; the analysis stays shared by every PFL1xx/PFL5xx rule of the run.
    [Test]
    public void A_doubling_chain_as_myhostname_is_analysed_in_bounded_memory()
    {
        var text = new StringBuilder("compatibility_level = 3.6\nmynetworks = 127.0.0.0/8\nsmtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\ne9 = 1\n");
        for (var i = 10; i <= 26; i++)
        {
            text.Append($"e{i} = $e{i - 1} $e{i - 1}\n");
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var config = PostfixConfig.FromPostconfOutput(text.Append("myhostname = $e26\n").ToString(), "postconf.txt");
        _ = config.IsUsable;
        var simulator = new RelaySimulator(config, new SimulatorOptions { NoPasswd = true });
        var remote = simulator.Simulate(SimulatorFixture.Remote());
        var local = simulator.Simulate(SimulatorFixture.Remote("postmaster@1"));
        var findings = Linter.Check(config).Findings;

        // 269 MiB before; about 50 MiB now.
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(128L << 20);
        remote.RcptReply.Should().Be("554 5.7.1 <someone@gmail.com>: Relay access denied");
        // "1" is in mydestination, but resolve.c then checks the resolved domain with valid_hostname(), which refuses
        // an all-numeric name: RESOLVE_FLAG_ERROR, so smtpd_check_addr() refuses the address (seeds 40189, 40250).
        local.RcptReply.Should().Be("501 5.1.3 Bad recipient address syntax");
        findings.Select(f => f.Id).Should().Equal("PFL110");
    }

    // Fuzz postconf+simulate+check-3128a678294a518d (seed 42): a doubling chain repeats one 22 KB map nested 2,048 deep
    // 128 times in myhostname. postconf's database-client scan walked 100 nesting levels of each copy again (685 MiB
    // for this input); a token scanned once without a warning is now skipped when met again no shallower.
    [Test]
    public void A_nested_map_repeated_by_a_doubling_chain_is_scanned_once()
    {
        var nested = string.Concat(Enumerable.Repeat("unionmap:{", 349)) + "u" + string.Concat(Enumerable.Repeat("nionmap:{", 1699)) + "a=b" + new string('}', 2048);
        var text = new StringBuilder($"e15 = 24\ne16 = $e15 $e15\ne17 = $e16 $e16\ne18 ={nested} $e17 $e17\n");
        for (var i = 19; i <= 25; i++)
        {
            text.Append($"e{i} = $e{i - 1} $e{i - 1}\n");
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var config = PostfixConfig.FromPostconfOutput(text.Append("myhostname = $e25\n").ToString(), "postconf.txt");
        _ = config.IsUsable;
        var model = GC.GetAllocatedBytesForCurrentThread() - before;
        var simulated = new RelaySimulator(config, new SimulatorOptions { NoPasswd = true }).Simulate(SimulatorFixture.Remote());
        var findings = Linter.Check(config).Findings;

        model.Should().BeLessThan(96L << 20);
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(256L << 20);
        config.Expand("myhostname")!.Length.Should().Be((128 * (nested.Length + " 24 24 24 24 24 24 24 24".Length)) + 127);
        simulated.Decision.Should().Be(Decision.Error);
        findings.Should().NotContain(f => f.Id == "PFL099");
    }
}
