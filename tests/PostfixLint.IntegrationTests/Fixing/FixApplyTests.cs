using System.Text;
using PostfixLint.Analysis.Relay;
using PostfixLint.Execution;
using PostfixLint.Fixing;
using PostfixLint.IntegrationTests.Instance;
using PostfixLint.Model;
using PostfixLint.Simulation;
using PostfixLint.Syntax;
using PostfixLint.Tests.Cli;

using Probe = PostfixLint.IntegrationTests.Instance.Probe;

namespace PostfixLint.IntegrationTests.Fixing;

/// <summary>
/// <c>postfix-lint fix --apply</c> against a real private Postfix 3.7 (issue 8 §4): the seed's fixes change what the real
/// smtpd answers over SMTP (XCLIENT probes), and a change <c>postfix check</c> refuses is rolled back byte for byte.
/// </summary>
[NonParallelizable]
public sealed class FixApplyTests
{
    [Test]
    public async Task Adding_the_policy_client_to_mynetworks_lets_it_relay_on_the_real_instance()
    {
        await using var instance = await PrivatePostfixInstance.StartAsync(Scenario.Load(ScenarioFixtures.DirectoryOf("client-not-in-mynetworks")));
        var probe = Relay(instance, "192.168.1.100");
        var before = await instance.SmtpProbeAsync(probe);
        Reply(before).Should().Be("554 5.7.1 <x@gmail.com>: Relay access denied");

        var run = Fix(instance, Policy(instance, $$"""{"mayRelay": [{"client": "192.168.1.100", "service": "{{instance.Listeners[0].Port}}"}]}"""), "--select", "PFL111", "--assume-reachable");

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        var after = await AfterReloadAsync(instance, probe, before);
        Transcript("PFL111 policy-client-not-in-mynetworks", before, run, after);
        Reply(after).Should().Be("250 2.1.5 Ok");
        File.ReadAllText(Path.Combine(instance.ConfigDirectory, "main.cf")).Should().Contain("mynetworks = 127.0.0.0/8 192.168.1.100\n");
    }

    [Test]
    public async Task Moving_permit_mynetworks_before_reject_unauth_destination_lets_the_listed_client_relay()
    {
        await using var instance = await PrivatePostfixInstance.StartAsync(Scenario.Load(ScenarioFixtures.DirectoryOf("permit-after-reject-unauth-destination")));
        var probe = Relay(instance, "192.168.1.100");
        var before = await instance.SmtpProbeAsync(probe);
        Reply(before).Should().Be("554 5.7.1 <x@gmail.com>: Relay access denied");

        var run = Fix(instance, null, "--select", "PFL203", "--unsafe-fixes");

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        var after = await AfterReloadAsync(instance, probe, before);
        Transcript("PFL203 permit-after-reject-unauth-destination", before, run, after);
        Reply(after).Should().Be("250 2.1.5 Ok");
        var outsider = await instance.SmtpProbeAsync(Relay(instance, "198.51.100.7"));
        Reply(outsider).Should().Be("554 5.7.1 <x@gmail.com>: Relay access denied", "the move opens relaying for mynetworks only");
    }

    [Test]
    public async Task A_sender_login_maps_fix_is_postmapped_and_the_real_instance_accepts_the_sender()
    {
        await using var instance = await PrivatePostfixInstance.StartAsync(Scenario.Load(ScenarioFixtures.DirectoryOf("sender-not-owned")));
        var probe = new Probe("198.51.100.20", "app@example.com", "x@gmail.com") { Helo = "client.example.net", SaslLogin = "bob", Service = instance.Listeners[0].Service };
        var before = await instance.SmtpProbeAsync(probe);
        Reply(before).Should().Be("553 5.7.1 <app@example.com>: Sender address rejected: not owned by user bob");
        var source = Path.Combine(instance.ConfigDirectory, "sender_login_maps");

        var run = Fix(instance, Policy(instance, $$"""
            {
              "mayRelay": [{"client": "198.51.100.20", "saslLogin": "bob", "service": "{{instance.Listeners[0].Port}}"}],
              "senders": [{"saslLogin": "bob", "may": ["app@example.com"]}]
            }
            """), "--select", "PFL407", "--unsafe-fixes", "--assume-reachable");

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        run.Out.Should().Contain($"postmap -c {instance.ConfigDirectory} hash:{source}");
        File.ReadAllText(source).Should().Contain("app@example.com    bob\n");
        File.GetLastWriteTimeUtc(source + ".db").Should().BeOnOrAfter(File.GetLastWriteTimeUtc(source), "postmap ran after the edit");
        var after = await AfterReloadAsync(instance, probe, before);
        Transcript("PFL407 sender-login-map-owner-mismatch", before, run, after);
        Reply(after).Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public async Task A_never_built_hash_map_is_postmapped_and_lookups_work_again()
    {
        await using var instance = await PrivatePostfixInstance.StartAsync(Scenario.Load(ScenarioFixtures.DirectoryOf("sender-not-owned")));
        var database = Path.Combine(instance.ConfigDirectory, "sender_login_maps.db");
        File.Delete(database);
        var probe = new Probe("198.51.100.20", "app@example.com", "x@gmail.com") { Helo = "client.example.net", SaslLogin = "alice", Service = instance.Listeners[0].Service };
        var before = await instance.SmtpProbeAsync(probe);
        Reply(before).Should().StartWith("451 4.3.0");

        var run = Fix(instance, null, "--select", "PFL403");

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        File.Exists(database).Should().BeTrue();
        var after = await AfterReloadAsync(instance, probe, before);
        Transcript("PFL403 map-database-missing", before, run, after);
        Reply(after).Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public async Task A_change_postfix_check_refuses_is_rolled_back_byte_for_byte_and_the_instance_answers_as_before()
    {
        await using var instance = await PrivatePostfixInstance.StartAsync(Scenario.Load(ScenarioFixtures.DirectoryOf("client-not-in-mynetworks")));
        var probe = Relay(instance, "192.168.1.100");
        var before = await instance.SmtpProbeAsync(probe);
        var mainCf = Path.Combine(instance.ConfigDirectory, "main.cf");
        var original = File.ReadAllBytes(mainCf);
        var config = PostfixConfig.Load(instance.ConfigDirectory);
        var policy = Policy(instance, $$"""{"mayRelay": [{"client": "192.168.1.100", "service": "{{instance.Listeners[0].Port}}"}]}""");
        var lint = new PostfixLint.Analysis.LintOptions
        {
            Policy = PostfixLint.Analysis.Relay.RelayPolicyReader.Read(File.ReadAllText(policy)).Policy,
            Relay = new PostfixLint.Analysis.Relay.RelayAnalysisOptions { Simulator = new PostfixLint.Simulation.SimulatorOptions { AssumeReachable = true } },
        };
        var plan = FixApplier.Plan(config, new FixOptions { Lint = lint, Select = ["PFL111"] });
        plan.Files.Should().ContainSingle();

        // The real fix plus a line postconf refuses ("missing '=' after attribute name"): postfix check fails.
        var broken = plan with { Files = [plan.Files[0] with { NewText = plan.Files[0].NewText + "this line is not a parameter\n" }] };
        var report = await new PlanRunner(new CliWrapPostfixCommands()).ApplyAsync(broken, config);

        report.Succeeded.Should().BeFalse();
        report.RolledBack.Should().BeTrue();
        File.ReadAllBytes(mainCf).Should().Equal(original);
        var after = await instance.SmtpProbeAsync(probe);
        TestContext.Out.WriteLine("== rollback: " + string.Join("\n   ", report.Steps));
        Transcript("rollback of a change postfix check refuses", before, null, after);
        Reply(after).Should().Be(Reply(before));
        report.Steps.Should().Contain(s => s.Contains(" check: exit ", StringComparison.Ordinal));
        report.Steps.Should().Contain(s => s.StartsWith("rollback: ", StringComparison.Ordinal) && s.Contains(" reload: ok", StringComparison.Ordinal));
    }

    [Test]
    public async Task Enabling_SASL_coherently_lets_an_authenticated_client_relay_and_diff_agrees_with_the_real_instance()
    {
        // The seed's SASL case: SASL is on, yet the relay list has no permit_sasl_authenticated; broken_sasl_auth_clients
        // is on as well. (The harness uses a Cyrus sasldb; smtpd_sasl_security_options keeps its default, noanonymous.)
        await using var instance = await PrivatePostfixInstance.StartAsync(Scenario.FromFragment("fix-sasl",
            "smtpd_sasl_auth_enable = yes\nbroken_sasl_auth_clients = yes\nsmtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n", []));
        var probe = new Probe("198.51.100.20", "alice@example.com", "x@gmail.com") { Helo = "laptop.example.net", SaslLogin = "alice", Service = instance.Listeners[0].Service };
        var before = await instance.SmtpProbeAsync(probe);
        before.AuthReply.Should().StartWith("235 ", "alice authenticates");
        Reply(before).Should().Be("554 5.7.1 <x@gmail.com>: Relay access denied");
        var policy = Policy(instance, $$"""{"mayRelay": [{"client": "0.0.0.0/0", "saslLogin": "alice", "service": "{{instance.Listeners[0].Port}}"}]}""");

        // What diff predicts for this fix, from the plan, before anything is written; probed on the instance as it runs now.
        var config = PostfixConfig.Load(instance.ConfigDirectory);
        var lint = new PostfixLint.Analysis.LintOptions
        {
            Policy = RelayPolicyReader.Read(File.ReadAllText(policy)).Policy,
            Relay = new RelayAnalysisOptions { Simulator = new SimulatorOptions { AssumeReachable = true } },
        };
        var plan = FixApplier.Plan(config, new FixOptions { Lint = lint, Select = ["PFL301", "PFL303", "PFL304"], UnsafeFixes = true });
        plan.Applied.Select(a => a.RuleId).Should().Contain(["PFL301", "PFL303"]);
        var predicted = Predict(instance, plan);
        var oldAnswers = new List<ProbeResult>();
        foreach (var check in predicted.Probes)
        {
            oldAnswers.Add(await instance.SmtpProbeAsync(check));
        }

        var run = Fix(instance, policy, "--select", "PFL301,PFL303,PFL304", "--unsafe-fixes", "--assume-reachable");

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        var mainCf = File.ReadAllText(Path.Combine(instance.ConfigDirectory, "main.cf"));
        mainCf.Should().Contain("smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination\n")
            .And.Contain("broken_sasl_auth_clients = no\n").And.Contain("smtpd_sasl_auth_enable = yes\n");
        var after = await AfterReloadAsync(instance, probe, before);
        Transcript("PFL301 sasl-enabled-without-permit-sasl-authenticated (+ PFL303)", before, run, after);
        Reply(after).Should().Be("250 2.1.5 Ok");
        var anonymous = await instance.SmtpProbeAsync(probe with { SaslLogin = null });
        Reply(anonymous).Should().Be("554 5.7.1 <x@gmail.com>: Relay access denied", "only authenticated clients may relay");

        await AgreesAsync(instance, predicted, oldAnswers);
    }

    [Test]
    public async Task Turning_on_a_forgotten_SASL_switch_lets_the_user_log_in_and_relay()
    {
        // The relay list permits authenticated clients and SASL is set up (the harness's Cyrus settings), but
        // smtpd_sasl_auth_enable was never turned on: AUTH is not offered, the login is refused, the mail with it.
        await using var instance = await PrivatePostfixInstance.StartAsync(Scenario.FromFragment("fix-sasl-switch",
            "smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination\n", []));
        var probe = new Probe("198.51.100.20", "alice@example.com", "x@gmail.com") { Helo = "laptop.example.net", SaslLogin = "alice", Service = instance.Listeners[0].Service };
        var before = await instance.SmtpProbeAsync(probe);
        before.AuthReply.Should().StartWith("503 ");
        Reply(before).Should().Be("554 5.7.1 <x@gmail.com>: Relay access denied");

        var run = Fix(instance, null, "--select", "PFL302", "--unsafe-fixes");

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        File.ReadAllText(Path.Combine(instance.ConfigDirectory, "main.cf")).Should().Contain("\nsmtpd_sasl_auth_enable = yes\n");
        // The fix also sets smtpd_tls_auth_only = yes, and the harness honours it: the client logs in after STARTTLS.
        var after = await AfterReloadAsync(instance, probe with { Tls = true }, before);
        Transcript("PFL302 permit-sasl-authenticated-without-sasl", before, run, after);
        after.AuthReply.Should().StartWith("235 ");
        Reply(after).Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public async Task Adding_the_missing_relay_guard_lets_smtpd_run_and_relays_only_for_mynetworks()
    {
        // No reject_unauth_destination anywhere: smtpd refuses to run ("specify at least one working instance of ...").
        // master(8) throttles a service whose child died at start-up for service_throttle_time (60 s): 1 s here, so the
        // reloaded smtpd answers within the test (it cannot change a reply).
        var scenario = Scenario.Load(ScenarioFixtures.DirectoryOf("no-relay-guard"));
        await using var instance = await PrivatePostfixInstance.StartAsync(scenario with { MainCf = scenario.MainCf + "service_throttle_time = 1s\n" });
        var loopback = Relay(instance, "127.0.0.1");
        var before = await instance.SmtpProbeAsync(loopback);
        before.Error.Should().Contain("specify at least one working instance of");

        var run = Fix(instance, null, "--select", "PFL201", "--unsafe-fixes");

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        var after = before;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (after.Error is not null && waited.Elapsed < ReloadPatience)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            instance.ForgetBrokenListeners();
            after = await instance.SmtpProbeAsync(loopback);
        }

        Transcript("PFL201 relay-restrictions-without-guard", before, run, after);
        Reply(after).Should().Be("250 2.1.5 Ok", "mynetworks still relays");
        var outsider = await instance.SmtpProbeAsync(Relay(instance, "192.168.1.100"));
        Reply(outsider).Should().Be("554 5.7.1 <x@gmail.com>: Relay access denied", "the guard refuses everyone else");
    }

    [Test]
    public async Task A_stale_map_database_is_rebuilt_and_the_latest_edit_takes_effect()
    {
        await using var instance = await PrivatePostfixInstance.StartAsync(Scenario.Load(ScenarioFixtures.DirectoryOf("sender-not-owned")));
        var source = Path.Combine(instance.ConfigDirectory, "sender_login_maps");
        File.AppendAllText(source, "bob@example.net    bob\n");
        File.SetLastWriteTimeUtc(source + ".db", File.GetLastWriteTimeUtc(source).AddSeconds(-5));
        var probe = new Probe("198.51.100.20", "bob@example.net", "x@gmail.com") { Helo = "client.example.net", SaslLogin = "bob", Service = instance.Listeners[0].Service };
        var before = await instance.SmtpProbeAsync(probe);
        Reply(before).Should().Be("553 5.7.1 <bob@example.net>: Sender address rejected: not owned by user bob", "Postfix still answers from the old database");

        var run = Fix(instance, null, "--select", "PFL404");

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        run.Out.Should().Contain($"postmap -c {instance.ConfigDirectory} hash:{source}");
        File.GetLastWriteTimeUtc(source + ".db").Should().BeOnOrAfter(File.GetLastWriteTimeUtc(source));
        var after = await AfterReloadAsync(instance, probe, before);
        Transcript("PFL404 map-database-stale", before, run, after);
        Reply(after).Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public async Task A_listener_fix_is_written_and_the_plan_asks_for_stop_and_start_instead_of_reloading()
    {
        // The harness's listener is on 127.0.0.1: a LAN client the policy names (and mynetworks trusts) cannot connect.
        await using var instance = await PrivatePostfixInstance.StartAsync(Scenario.FromFragment("fix-listener", "mynetworks = 127.0.0.0/8 192.168.1.0/24\n", []));
        var probe = Relay(instance, "192.168.1.100");
        var before = await instance.SmtpProbeAsync(probe);
        var reloads = ReloadCount(instance);

        var run = Fix(instance, Policy(instance, $$"""{"mayRelay": [{"client": "192.168.1.100", "service": "{{instance.Listeners[0].Port}}"}]}"""), "--select", "PFL112", "--unsafe-fixes");

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        run.Out.Should().Contain("PFL112 [unsafe] Set `inet_interfaces = all`")
            .And.Contain($"postfix -c {instance.ConfigDirectory} stop && postfix -c {instance.ConfigDirectory} start")
            .And.Contain("Restart needed: inet_interfaces changed")
            .And.NotContain(" reload: ok");
        var mainCf = File.ReadAllText(Path.Combine(instance.ConfigDirectory, "main.cf"));
        mainCf.Should().Contain("\ninet_interfaces = all\n");
        ReloadCount(instance).Should().Be(reloads, "the plan does not reload: the restart is the admin's");

        // The instance still runs (nothing stopped it) and answers on its old socket as before.
        var after = await instance.SmtpProbeAsync(probe);
        Transcript("PFL112 policy-client-cannot-connect (inet_interfaces; restart left to the admin)", before, run, after);
        Reply(after).Should().Be(Reply(before));
    }

    /// <summary>How many times master logged a reload (<c>reload -- version</c>) in the instance's maillog.</summary>
    private static int ReloadCount(PrivatePostfixInstance instance)
    {
        var log = Path.Combine(instance.Root, "maillog");
        return File.Exists(log) ? File.ReadLines(log).Count(l => l.Contains("reload -- version", StringComparison.Ordinal)) : 0;
    }

    /// <summary>The relay diff of a plan (the instance's files against the plan's texts) and probes for its changed classes plus a sample of unchanged ones.</summary>
    private static (RelayDiffResult Diff, List<Probe> Probes, int Changed) Predict(PrivatePostfixInstance instance, FixPlan plan)
    {
        var newDirectory = Path.Combine(instance.Root, "planned");
        Directory.CreateDirectory(newDirectory);
        foreach (var file in Directory.EnumerateFiles(instance.ConfigDirectory))
        {
            File.Copy(file, Path.Combine(newDirectory, Path.GetFileName(file)));
        }

        foreach (var file in plan.Files)
        {
            SourceFile.Write(Path.Combine(newDirectory, Path.GetFileName(file.Path)), file.NewText);
        }

        // The harness connects to 127.0.0.1 and impersonates clients with XCLIENT.
        var options = new RelayAnalysisOptions { Simulator = new SimulatorOptions { ServerAddress = "127.0.0.1" } };
        var oldConfig = PostfixConfig.Load(instance.ConfigDirectory);
        var diff = RelayDiff.Compare(oldConfig, PostfixConfig.Load(newDirectory), options: options);
        var port = instance.Listeners[0].Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var changes = diff.Changes.Where(c => c.Service == port && !c.Probe.Client.StartsWith("0.", StringComparison.Ordinal)).ToList();
        changes.Should().NotBeEmpty();
        var probes = changes.Select(c => ToHarness(instance, c.Probe)).ToList();

        // Unchanged classes: every third matrix row (unauthenticated and authenticated) that no change covers.
        var analyzer = new RelayAnalyzer(oldConfig, options: options);
        probes.AddRange(analyzer.BuildMatrices().Single(m => m.Listener.Service == port).Rows
            .Where(r => !r.Client.Representative.ToString().StartsWith("0.", StringComparison.Ordinal))
            .Where(r => !diff.Changes.Any(c => c.SaslLogin == r.SaslLogin && c.RecipientClass == AddressClass.Default && c.Client.Contains(r.Client.Representative)))
            .Where((_, i) => i % 3 == 0)
            .Select(r => new Probe(r.Client.Representative.ToString(), analyzer.Inputs.RemoteSender, analyzer.Inputs.RemoteRecipient)
            {
                Helo = analyzer.Inputs.UnknownHelo, SaslLogin = r.SaslLogin, Service = instance.Listeners[0].Service,
            }));
        return (diff, probes, changes.Count);
    }

    /// <summary>Each changed class answered on the real instance as diff said before and after, and each sampled unchanged class answers alike.</summary>
    private static async Task AgreesAsync(PrivatePostfixInstance instance, (RelayDiffResult Diff, List<Probe> Probes, int Changed) predicted, List<ProbeResult> oldAnswers)
    {
        var port = instance.Listeners[0].Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var changes = predicted.Diff.Changes.Where(c => c.Service == port && !c.Probe.Client.StartsWith("0.", StringComparison.Ordinal)).ToList();
        for (var i = 0; i < predicted.Probes.Count; i++)
        {
            var probe = predicted.Probes[i];
            var before = oldAnswers[i];
            var after = await instance.SmtpProbeAsync(probe);
            var what = $"{probe.Client}{(probe.SaslLogin is null ? "" : " as " + probe.SaslLogin)} -> <{probe.Recipient}>";
            if (i < predicted.Changed)
            {
                (before.Decision.ToString(), Reply(before)).Should().Be((changes[i].Old.Decision.ToString(), changes[i].Old.Reply), $"old side of {what}");
                (after.Decision.ToString(), Reply(after)).Should().Be((changes[i].New.Decision.ToString(), changes[i].New.Reply), $"new side of {what}");
            }
            else
            {
                (after.Decision, Reply(after)).Should().Be((before.Decision, Reply(before)), $"{what} is unchanged on real Postfix");
            }
        }

        TestContext.Out.WriteLine($"diff: {predicted.Diff.ComparedCount} classes compared, {predicted.Changed} changes and {predicted.Probes.Count - predicted.Changed} unchanged classes confirmed on real Postfix");
    }

    private static Probe ToHarness(PrivatePostfixInstance instance, PostfixLint.Simulation.Probe probe) =>
        new(probe.Client, probe.Sender, probe.Recipient) { Helo = probe.Helo, SaslLogin = probe.SaslLogin, Service = instance.Listeners[0].Service };

    /// <summary>
    /// The probe's answer once the reload took effect: <c>postfix reload</c> returns when master got the signal, and an
    /// smtpd of the old generation that was idle can still take one more connection; retried while the answer
    /// is still the one from before, for up to <see cref="ReloadPatience"/> (a loaded machine is slow to reload).
    /// </summary>
    private static async Task<ProbeResult> AfterReloadAsync(PrivatePostfixInstance instance, Probe probe, ProbeResult before)
    {
        var after = await instance.SmtpProbeAsync(probe);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Reply(after) == Reply(before) && waited.Elapsed < ReloadPatience)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            after = await instance.SmtpProbeAsync(probe);
        }

        return after;
    }

    // How long a reload may take to show; every caller expects a change, so a passing test waits only as long as it takes.
    private static readonly TimeSpan ReloadPatience = TimeSpan.FromSeconds(30);

    private static Probe Relay(PrivatePostfixInstance instance, string client) =>
        new(client, "app@example.com", "x@gmail.com") { Helo = "client.example.net", Service = instance.Listeners[0].Service };

    private static CliRun Fix(PrivatePostfixInstance instance, string? policy, params string[] options)
    {
        string[] args = ["fix", "-c", instance.ConfigDirectory, .. policy is null ? Array.Empty<string>() : ["--policy", policy], .. options, "--apply"];
        return CliRun.Of(args);
    }

    // The instance's listener is named by its port in master.cf, so the policy names that service. It listens on
    // 127.0.0.1 and the probes impersonate clients with XCLIENT: the fixer is told to assume they reach it.
    private static string Policy(PrivatePostfixInstance instance, string body)
    {
        var path = Path.Combine(instance.Root, "policy.json");
        File.WriteAllText(path, "{\"policy\": " + body + "}");
        return path;
    }

    private static string? Reply(ProbeResult result) => result.RcptReply ?? result.MailFromReply ?? result.Error;

    /// <summary>
    /// Writes the real SMTP dialogue before and after the fix (every line the harness sent and smtpd answered, AUTH
    /// credentials masked) and the fixer's output, to the test's output and to the progress stream (shown by
    /// <c>--logger "console;verbosity=detailed"</c>).
    /// </summary>
    private static void Transcript(string title, ProbeResult before, CliRun? run, ProbeResult after)
    {
        var text = new StringBuilder().Append("== ").AppendLine(title);
        Session(text, "before", before);
        if (run is not null)
        {
            text.AppendLine("-- postfix-lint fix --apply:");
            foreach (var line in run.Out.TrimEnd().Split('\n'))
            {
                text.Append("   ").AppendLine(line);
            }
        }

        Session(text, "after", after);
        TestContext.Out.WriteLine(text.ToString());
        TestContext.Progress.WriteLine(text.ToString());
    }

    private static void Session(StringBuilder text, string label, ProbeResult result)
    {
        var probe = result.Probe;
        text.AppendLine($"-- {label}: client {probe.Client}{(probe.SaslLogin is null ? "" : $", AUTH as {probe.SaslLogin}")} ({result.Decision} at {result.Stage})");
        foreach (var line in result.Transcript)
        {
            text.Append("   ").AppendLine(line);
        }

        if (result.Error is not null)
        {
            text.Append("   (").Append(result.Error).AppendLine(")");
        }
    }
}
