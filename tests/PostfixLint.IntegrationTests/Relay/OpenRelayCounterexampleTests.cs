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
}
