using System.Text.Json;
using PostfixLint.Cli.Reporting;
using PostfixLint.Model;
using PostfixLint.Simulation;
using PostfixLint.Tests.Cli;

namespace PostfixLint.Tests.Simulation;

/// <summary>
/// The simulator against the project's own fixtures (<c>testdata/simulation/</c>): replies recorded from a real Postfix 3.7.11
/// by the integration harness (PrivatePostfixInstance; re-record with <c>POSTFIXLINT_UPDATE_GOLDEN=1</c>).
/// </summary>
[TestFixture]
public sealed class RecordedScenarioTests
{
    private static readonly Dictionary<string, RelaySimulator> s_simulators = new(StringComparer.Ordinal);

    private static string FixturesRoot => Path.Combine(RepositoryPaths.Root, "testdata", "simulation");

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var directory in Directory.EnumerateDirectories(FixturesRoot).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(directory);
            var expected = Path.Combine(directory, "expected.jsonl");
            if (!File.Exists(expected))
            {
                continue;
            }

            foreach (var line in File.ReadLines(expected).Where(l => l.Trim().Length > 0))
            {
                using var document = JsonDocument.Parse(line);
                var id = document.RootElement.GetProperty("id").GetString();
                yield return new TestCaseData(name, line).SetName($"Matches_real_postfix_{name}_{id}");
            }
        }
    }

    [Test]
    public void Every_fixture_has_recorded_replies()
    {
        var directories = Directory.EnumerateDirectories(FixturesRoot).ToList();

        directories.Should().HaveCountGreaterThanOrEqualTo(15);
        directories.Should().OnlyContain(d => File.Exists(Path.Combine(d, "expected.jsonl")), "every fixture is recorded from real Postfix");
    }

    [TestCaseSource(nameof(Cases))]
    public void Matches_real_postfix(string scenario, string line)
    {
        var probe = ProbeJson.Parse(line, out var error);
        error.Should().BeNull();
        var result = Simulator(scenario).Simulate(probe!);
        var because = ProbeJson.Format(result);

        using var document = JsonDocument.Parse(line);
        var expected = document.RootElement;
        // A recording has one word for "no session at all": a client that cannot connect is its "error" too.
        var decision = result.Decision == Decision.Unreachable ? Decision.Error : result.Decision;
        ProbeJson.Name(decision).Should().Be(expected.GetProperty("decision").GetString(), because);
        ProbeJson.Name(result.Stage).Should().Be(expected.GetProperty("stage").GetString(), because);
        result.MailFromReply.Should().Be(expected.GetProperty("mail_from_reply").GetString(), because);
        result.RcptReply.Should().Be(expected.GetProperty("rcpt_reply").GetString(), because);
        if (result.Decision == Decision.Error && expected.GetProperty("error").GetString() is { } realError && realError.Contains("smtpd cannot run", StringComparison.Ordinal))
        {
            realError.Should().Contain(result.Error!, because);
        }
    }

    private static RelaySimulator Simulator(string scenario)
    {
        lock (s_simulators)
        {
            if (!s_simulators.TryGetValue(scenario, out var simulator))
            {
                // Local users as on the recording host, as far as the fixtures ask: root always exists, nosuchuser never.
                var passwd = Path.Combine(Path.GetTempPath(), "pfl-recorded-passwd");
                File.WriteAllText(passwd, "root:x:0:0:root:/root:/bin/bash\n");

                // The harness connects to 127.0.0.1 and impersonates clients with XCLIENT.
                simulator = new RelaySimulator(
                    PostfixConfig.Load(Path.Combine(FixturesRoot, scenario)),
                    new SimulatorOptions { PasswdFile = passwd, ServerAddress = "127.0.0.1" });
                s_simulators[scenario] = simulator;
            }

            return simulator;
        }
    }
}
