using PostfixLint.IntegrationTests.Instance;
using PostfixLint.Model;
using PostfixLint.Simulation;
using Probe = PostfixLint.IntegrationTests.Instance.Probe;

namespace PostfixLint.IntegrationTests.Simulation;

/// <summary>
/// Issue 9 §3 "Deployed state": a live server whose table database is missing or older than its source, on real Postfix;
/// the simulator with <see cref="SimulatorOptions.AsDeployed"/> must give the same replies and log the same warnings.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class AsDeployedDifferentialTests
{
    private const string Relay = "mynetworks = 127.0.0.0/8\nsmtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n";

    private static readonly Probe[] s_probes =
    [
        new("192.0.2.10", "app@example.com", "root@mail.example.com") { Id = "local", Helo = "client.example.net" },
        new("192.0.2.10", "app@example.com", "nosuchuser@mail.example.com") { Id = "local-unknown", Helo = "client.example.net" },
        new("192.0.2.10", "app@example.com", "postmaster@mail.example.com") { Id = "alias", Helo = "client.example.net" },
        new("192.0.2.10", "app@example.com", "user@relay.example") { Id = "relay", Helo = "client.example.net" },
        new("192.0.2.10", "app@example.com", "alias@virtual.example") { Id = "virtual", Helo = "client.example.net" },
        new("192.0.2.10", "app@example.com", "x@gmail.com") { Id = "remote", Helo = "client.example.net" },
        new("127.0.0.1", "app@example.com", "x@gmail.com") { Id = "mynetworks", Helo = "client.example.net" },
    ];

    private static readonly Dictionary<string, string> s_tables = new()
    {
        ["sender_access"] = "spammer@example.net REJECT\n",
        ["recipient_access"] = "blocked@mail.example.com REJECT\n",
        ["relay_domains"] = "relay.example OK\n",
        ["virtual"] = "alias@virtual.example root\n",
        ["aliases"] = "postmaster: root\n",
    };

    /// <summary>Which table's database is missing (or stale), and the main.cf that uses it.</summary>
    public static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("sender_access", Relay + "smtpd_sender_restrictions = check_sender_access hash:/etc/postfix/sender_access\n").SetArgDisplayNames("sender-access");
        yield return new TestCaseData("recipient_access", Relay.Replace("reject_unauth_destination", "reject_unauth_destination, check_recipient_access hash:/etc/postfix/recipient_access", StringComparison.Ordinal)).SetArgDisplayNames("recipient-access");
        yield return new TestCaseData("aliases", Relay).SetArgDisplayNames("local-recipient-maps");
        yield return new TestCaseData("relay_domains", Relay + "relay_domains = hash:/etc/postfix/relay_domains\n").SetArgDisplayNames("relay-domains");
        yield return new TestCaseData("virtual", Relay + "virtual_alias_domains = virtual.example\nvirtual_alias_maps = hash:/etc/postfix/virtual\n").SetArgDisplayNames("virtual-alias-maps");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task A_missing_database_answers_like_the_live_server(string table, string fragment)
    {
        var scenario = Scenario.FromFragment("missing-" + table, fragment, s_probes, tables: s_tables) with { Unbuilt = [table] };

        var (real, simulated, realWarnings, simulatedWarnings) = await RunBothAsync(scenario);

        Report(real, simulated);
        simulated.Select(Replies).Should().Equal(real.Select(Replies));
        var missing = $"open database /etc/postfix/{table}.db: No such file or directory";
        realWarnings.Should().Contain(w => w.Contains(missing, StringComparison.Ordinal), "the real instance reports the missing database");
        simulatedWarnings.Should().Contain(w => w.Contains(missing, StringComparison.Ordinal));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task A_database_older_than_its_source_is_named_like_the_live_server_names_it(string table, string fragment)
    {
        var scenario = Scenario.FromFragment("stale-" + table, fragment, s_probes, tables: s_tables) with { Stale = [table] };

        var (real, simulated, realWarnings, simulatedWarnings) = await RunBothAsync(scenario);

        Report(real, simulated);
        simulated.Select(Replies).Should().Equal(real.Select(Replies));
        var stale = $"database /etc/postfix/{table}.db is older than source file /etc/postfix/{table}";
        realWarnings.Should().Contain(w => w.EndsWith(stale, StringComparison.Ordinal), "smtpd (or trivial-rewrite) warns about the stale database");
        simulatedWarnings.Should().Contain(stale);
    }

    [Test]
    public void Without_as_deployed_tables_are_read_as_if_postmap_had_just_run()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pfl-asdeployed-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Scenario.FromFragment("unbuilt", Relay + "smtpd_sender_restrictions = check_sender_access hash:/etc/postfix/sender_access\n", s_probes, tables: s_tables).WriteTo(directory);
            var probe = SimulatorBinding.ToSimulationProbe(s_probes[0]);
            var config = PostfixConfig.Load(directory);

            new RelaySimulator(config, new SimulatorOptions { AssumeReachable = true }).Simulate(probe).RcptReply.Should().Be("250 2.1.5 Ok");
            var deployed = new RelaySimulator(config, new SimulatorOptions { AssumeReachable = true, AsDeployed = true }).Simulate(probe);
            deployed.MailFromReply.Should().Be("250 2.1.0 Ok");
            deployed.RcptReply.Should().Be("451 4.3.5 <app@example.com>: Sender address rejected: Server configuration error");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(IReadOnlyList<ProbeResult> Real, IReadOnlyList<SimulationResult> Simulated, List<string> RealWarnings, List<string> SimulatedWarnings)> RunBothAsync(Scenario scenario)
    {
        await using var instance = await PrivatePostfixInstance.StartAsync(scenario);
        var real = await instance.RunProbesAsync(scenario.Probes);
        await Task.Delay(200);

        // The simulator reads a copy of the deployed directory: the sources, and the databases with the instance's mtimes.
        var directory = Path.Combine(Path.GetTempPath(), "pfl-asdeployed-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            scenario.WriteTo(directory);
            foreach (var file in scenario.Tables.Keys)
            {
                var source = Path.Combine(instance.ConfigDirectory, file);
                File.SetLastWriteTimeUtc(Path.Combine(directory, file), File.GetLastWriteTimeUtc(source));
                if (File.Exists(source + ".db"))
                {
                    File.Copy(source + ".db", Path.Combine(directory, file + ".db"));
                    File.SetLastWriteTimeUtc(Path.Combine(directory, file + ".db"), File.GetLastWriteTimeUtc(source + ".db"));
                }
            }

            var simulator = new RelaySimulator(PostfixConfig.Load(directory), new SimulatorOptions { ServerAddress = "127.0.0.1", AsDeployed = true });
            var simulated = scenario.Probes.Select(p => simulator.Simulate(SimulatorBinding.ToSimulationProbe(p))).ToList();
            var realWarnings = instance.LogProblems.Select(l => l.Replace(instance.ConfigDirectory + "/", "/etc/postfix/", StringComparison.Ordinal)).ToList();
            var simulatedWarnings = simulated.SelectMany(s => s.Warnings).Distinct().Select(w => w.Replace(directory + "/", "/etc/postfix/", StringComparison.Ordinal)).ToList();
            return (real, simulated, realWarnings, simulatedWarnings);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Replies(ProbeResult r) => $"{r.Probe.Id}: {r.MailFromReply} | {r.RcptReply}";

    private static string Replies(SimulationResult r) => $"{r.Probe.Id}: {r.MailFromReply} | {r.RcptReply}";

    private static void Report(IReadOnlyList<ProbeResult> real, IReadOnlyList<SimulationResult> simulated)
    {
        for (var i = 0; i < real.Count; i++)
        {
            TestContext.Out.WriteLine($"real {Replies(real[i])}\n sim {Replies(simulated[i])}");
        }
    }
}
