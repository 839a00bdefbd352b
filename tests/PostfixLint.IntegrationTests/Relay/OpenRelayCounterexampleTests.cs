using PostfixLint.Analysis.Relay;
using PostfixLint.IntegrationTests.Instance;
using PostfixLint.Model;
using PostfixLint.Simulation;
using Probe = PostfixLint.IntegrationTests.Instance.Probe;

namespace PostfixLint.IntegrationTests.Relay;

/// <summary>The open-relay proof's counterexamples, replayed on a real Postfix: a counterexample must really relay.</summary>
[TestFixture]
public sealed class OpenRelayCounterexampleTests
{
    [Test]
    public async Task A_counterexample_from_a_cidr_client_access_table_relays_on_real_Postfix()
    {
        var scenario = Scenario.FromFragment(
            "open-relay-cidr",
            "smtpd_relay_restrictions = permit_mynetworks, check_client_access cidr:/etc/postfix/clients.cidr, reject_unauth_destination\n",
            [],
            tables: new Dictionary<string, string> { ["clients.cidr"] = "192.0.2.0/24 REJECT\n0.0.0.0/0 OK\n" });
        var directory = Path.Combine(Path.GetTempPath(), "pfl-relay-it-" + Guid.NewGuid().ToString("N")[..10]);
        scenario.WriteTo(directory);

        // The harness connects to 127.0.0.1 and impersonates clients with XCLIENT.
        var analyzer = new RelayAnalyzer(PostfixConfig.Load(directory), options: new RelayAnalysisOptions
        {
            Simulator = new SimulatorOptions { ServerAddress = "127.0.0.1" },
        });
        var proof = analyzer.ProveNoOpenRelay();
        var counterexample = proof.Counterexamples.First(c => c.ClientClass.IsGloballyRoutable);
        counterexample.Exposure.Should().Be(RelayExposure.WideRange);
        TestContext.Out.WriteLine($"{proof.ProbeCount} probes; counterexample: {counterexample.SwaksXclient}");

        await using var instance = await PrivatePostfixInstance.StartAsync(scenario);
        var probe = counterexample.Probe;
        var real = await instance.SmtpProbeAsync(new Probe(probe.Client, probe.Sender, probe.Recipient) { Helo = probe.Helo, Service = probe.Service });

        real.Decision.Should().Be(ProbeDecision.Accept, $"real Postfix must relay the counterexample (log problems: {string.Join(" | ", instance.LogProblems)})");
        real.RcptReply.Should().Be(counterexample.Reply);
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task The_fixed_configs_relay_matrix_matches_real_Postfix_on_every_class_representative()
    {
        // The same server after the fix: the catch-all OK line is gone, so only the listed network may relay.
        var scenario = Scenario.FromFragment(
            "open-relay-cidr-fixed",
            "smtpd_relay_restrictions = permit_mynetworks, check_client_access cidr:/etc/postfix/clients.cidr, reject_unauth_destination\n",
            [],
            tables: new Dictionary<string, string> { ["clients.cidr"] = "192.0.2.0/24 REJECT\n198.51.100.0/24 OK\n" });
        var directory = Path.Combine(Path.GetTempPath(), "pfl-relay-it-" + Guid.NewGuid().ToString("N")[..10]);
        scenario.WriteTo(directory);
        var analyzer = new RelayAnalyzer(PostfixConfig.Load(directory), options: new RelayAnalysisOptions
        {
            Simulator = new SimulatorOptions { ServerAddress = "127.0.0.1" },
        });
        analyzer.ProveNoOpenRelay().IsClosed.Should().BeTrue();
        var matrix = analyzer.BuildMatrices().Single(m => m.Listener.Service == "smtp");

        await using var instance = await PrivatePostfixInstance.StartAsync(scenario);
        var compared = 0;
        // 0.0.0.0/8 ("this network") can't be a client's source address, and XCLIENT refuses it (501 5.5.4 Bad ADDR syntax).
        foreach (var row in matrix.Rows.Where(r => r.SaslLogin is null && !(r.Client.Representative.GetAddressBytes() is [0, _, _, _])))
        {
            for (var i = 0; i < matrix.Columns.Length; i++)
            {
                var cell = row.Cells[i];
                var probe = new Probe(row.Client.Representative.ToString(), analyzer.Inputs.RemoteSender, matrix.Columns[i].Recipient)
                {
                    Helo = analyzer.Inputs.UnknownHelo,
                };
                var real = await instance.SmtpProbeAsync(probe);
                var realReply = real.RcptReply ?? real.MailFromReply ?? real.ConnectReply;
                // A session that can't run has no reply to compare: the simulator explains why instead of quoting smtpd.
                // The harness has one word for "no session at all": a client that cannot connect is its "error" too.
                var decision = cell.Decision == Decision.Unreachable ? Decision.Error : cell.Decision;
                var expectedReply = decision == Decision.Error ? realReply : cell.Reply;
                (real.Decision.ToString(), realReply).Should().Be((decision.ToString(), expectedReply),
                    $"{row.Client} ({row.Client.Representative}) -> <{matrix.Columns[i].Recipient}>");
                compared++;
            }
        }

        TestContext.Out.WriteLine($"{compared} matrix cells agree with real Postfix");
        compared.Should().BeGreaterThan(4);
        Directory.Delete(directory, recursive: true);
    }
}
