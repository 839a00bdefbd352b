using PostfixLint.Analysis.Relay;
using PostfixLint.IntegrationTests.Instance;
using PostfixLint.Model;
using PostfixLint.Simulation;
using Probe = PostfixLint.IntegrationTests.Instance.Probe;

namespace PostfixLint.IntegrationTests.Relay;

/// <summary>
/// <c>diff</c> agrees with real Postfix (issue 8 §4): every class it says changed answers differently on two real
/// instances running the old and the new configuration, as it predicted; a sample of the unchanged classes answers alike.
/// </summary>
[TestFixture]
public sealed class RelayDiffInstanceTests
{
    private const string Guarded = "mynetworks = 127.0.0.0/8\nsmtpd_relay_restrictions = permit_mynetworks, check_client_access cidr:/etc/postfix/clients.cidr, reject_unauth_destination\n";

    [Test]
    public async Task A_client_added_to_mynetworks_changes_exactly_as_diff_says_on_real_Postfix()
    {
        var clients = new Dictionary<string, string> { ["clients.cidr"] = "192.0.2.0/24 REJECT\n" };
        await AgreesWithRealPostfixAsync(
            Scenario.FromFragment("diff-mynetworks-old", Guarded, [], tables: clients),
            Scenario.FromFragment("diff-mynetworks-new", Guarded.Replace("127.0.0.0/8", "127.0.0.0/8 192.168.1.100", StringComparison.Ordinal), [], tables: clients),
            expectOpensRelay: true);
    }

    [Test]
    public async Task A_client_table_and_relay_domains_change_exactly_as_diff_says_on_real_Postfix()
    {
        await AgreesWithRealPostfixAsync(
            Scenario.FromFragment("diff-cidr-old", Guarded, [],
                tables: new Dictionary<string, string> { ["clients.cidr"] = "192.0.2.0/24 REJECT\n198.51.100.0/24 OK\n" }),
            Scenario.FromFragment("diff-cidr-new", Guarded + "relay_domains = partner.example\n", [],
                tables: new Dictionary<string, string> { ["clients.cidr"] = "192.0.2.0/25 OK\n192.0.2.0/24 REJECT\n198.51.100.0/24 REJECT\n" }),
            expectOpensRelay: true);
    }

    private static async Task AgreesWithRealPostfixAsync(Scenario oldScenario, Scenario newScenario, bool expectOpensRelay)
    {
        var oldDirectory = Write(oldScenario);
        var newDirectory = Write(newScenario);
        // The harness connects to 127.0.0.1 and impersonates clients with XCLIENT.
        var options = new RelayAnalysisOptions { Simulator = new SimulatorOptions { ServerAddress = "127.0.0.1" } };
        var oldConfig = PostfixConfig.Load(oldDirectory);
        var newConfig = PostfixConfig.Load(newDirectory);
        var diff = RelayDiff.Compare(oldConfig, newConfig, options: options);
        diff.OpensRelay.Should().Be(expectOpensRelay);

        // Unauthenticated classes only: these scenarios enable no SASL. 0.0.0.0/8 can't be a client's source address
        // (XCLIENT refuses it).
        var changes = diff.Changes.Where(c => c.SaslLogin is null && !IsThisNetwork(c.Probe.Client)).ToList();
        changes.Should().NotBeEmpty();

        // Unchanged classes: each new-side matrix row's representative lies in one compared class; those diff did
        // not report must answer alike. Every third one, remote recipient.
        var newAnalyzer = new RelayAnalyzer(newConfig, options: options);
        var unchanged = newAnalyzer.BuildMatrices().Single(m => m.Listener.Service == "smtp").Rows
            .Where(r => r.SaslLogin is null && !IsThisNetwork(r.Client.Representative.ToString()))
            .Where(r => !diff.Changes.Any(c => c.SaslLogin is null && c.RecipientClass == AddressClass.Default && c.Client.Contains(r.Client.Representative)))
            .Where((_, i) => i % 3 == 0)
            .Select(r => new Probe(r.Client.Representative.ToString(), newAnalyzer.Inputs.RemoteSender, newAnalyzer.Inputs.RemoteRecipient) { Helo = newAnalyzer.Inputs.UnknownHelo })
            .ToList();
        unchanged.Should().NotBeEmpty();

        await using var oldInstance = await PrivatePostfixInstance.StartAsync(oldScenario);
        await using var newInstance = await PrivatePostfixInstance.StartAsync(newScenario);
        foreach (var change in changes)
        {
            var probe = new Probe(change.Probe.Client, change.Probe.Sender, change.Probe.Recipient) { Helo = change.Probe.Helo, Service = change.Probe.Service };
            var before = await oldInstance.SmtpProbeAsync(probe);
            var after = await newInstance.SmtpProbeAsync(probe);
            var what = $"{change.Client} ({change.Probe.Client}) -> <{change.Recipient}>";
            (before.Decision.ToString(), Reply(before)).Should().Be((change.Old.Decision.ToString(), change.Old.Reply), $"old side of {what}");
            (after.Decision.ToString(), Reply(after)).Should().Be((change.New.Decision.ToString(), change.New.Reply), $"new side of {what}");
            (before.Decision, Reply(before)).Should().NotBe((after.Decision, Reply(after)), $"{what} changes on real Postfix");
        }

        foreach (var probe in unchanged)
        {
            var before = await oldInstance.SmtpProbeAsync(probe);
            var after = await newInstance.SmtpProbeAsync(probe);
            (after.Decision, Reply(after)).Should().Be((before.Decision, Reply(before)), $"{probe.Client} -> <{probe.Recipient}> is unchanged on real Postfix");
        }

        TestContext.Out.WriteLine($"{diff.ComparedCount} classes compared, {changes.Count} changes and {unchanged.Count} unchanged classes confirmed on real Postfix");
        Directory.Delete(oldDirectory, recursive: true);
        Directory.Delete(newDirectory, recursive: true);
    }

    private static string Write(Scenario scenario)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pfl-diff-it-" + Guid.NewGuid().ToString("N")[..10]);
        scenario.WriteTo(directory);
        return directory;
    }

    private static string? Reply(ProbeResult result) => result.RcptReply ?? result.MailFromReply ?? result.ConnectReply;

    private static bool IsThisNetwork(string address) => address.StartsWith("0.", StringComparison.Ordinal);
}
