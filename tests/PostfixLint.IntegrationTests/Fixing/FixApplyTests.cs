using System.Text;
using PostfixLint.Execution;
using PostfixLint.Fixing;
using PostfixLint.IntegrationTests.Instance;
using PostfixLint.Model;
using PostfixLint.Syntax;
using PostfixLint.Tests.Cli;

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
        var after = await instance.SmtpProbeAsync(probe);
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
        var after = await instance.SmtpProbeAsync(probe);
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
        var after = await instance.SmtpProbeAsync(probe);
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
        var after = await instance.SmtpProbeAsync(probe);
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
    }

    private static void Session(StringBuilder text, string label, ProbeResult result)
    {
        var probe = result.Probe;
        text.AppendLine($"-- {label}: client {probe.Client}{(probe.SaslLogin is null ? "" : $", AUTH as {probe.SaslLogin}")}");
        text.AppendLine($"   C: XCLIENT ADDR={probe.Client}");
        text.AppendLine($"   S: {result.ConnectReply}");
        if (result.AuthReply is not null)
        {
            text.AppendLine($"   C: AUTH PLAIN ...\n   S: {result.AuthReply}");
        }

        text.AppendLine($"   C: MAIL FROM:<{probe.Sender}>\n   S: {result.MailFromReply}");
        if (result.RcptReply is not null)
        {
            text.AppendLine($"   C: RCPT TO:<{probe.Recipient}>\n   S: {result.RcptReply}");
        }
    }
}
