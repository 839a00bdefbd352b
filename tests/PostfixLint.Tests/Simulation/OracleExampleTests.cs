using System.Text.Json;
using PostfixLint.Simulation;

namespace PostfixLint.Tests.Simulation;

/// <summary>The simulator against the replies a real Postfix 3.7.11 gave to the oracle scenarios (testdata/simulation-unit/oracle-examples).</summary>
[TestFixture]
public sealed class OracleExampleTests
{
    private static readonly Dictionary<string, RelaySimulator> s_simulators = new(StringComparer.Ordinal);

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var scenario in OracleScenario.Names())
        {
            foreach (var line in File.ReadAllLines(Path.Combine(OracleScenario.ExamplesRoot, scenario, "probes.jsonl")))
            {
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                {
                    continue;
                }

                using var document = JsonDocument.Parse(line);
                var id = document.RootElement.TryGetProperty("id", out var value) ? value.ToString() : "?";
                yield return new TestCaseData(scenario, line).SetName($"Matches_real_postfix_{scenario}_{id}");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Matches_real_postfix(string scenario, string line)
    {
        var probe = ProbeJson.Parse(line, out var error);
        error.Should().BeNull();
        if (!s_simulators.TryGetValue(scenario, out var simulator))
        {
            // Local users as on the oracle's Debian host: root only matters here.
            var passwd = Path.Combine(Path.GetTempPath(), "pfl-sim-passwd");
            File.WriteAllText(passwd, "root:x:0:0:root:/root:/bin/bash\n");
            simulator = OracleScenario.Simulator(scenario, passwd);
            s_simulators[scenario] = simulator;
        }

        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;

        // The oracle's "sasl_password" sends a wrong password: AUTH fails and the client stays anonymous.
        if (root.TryGetProperty("sasl_password", out _))
        {
            probe = probe! with { SaslLogin = null };
        }

        var result = simulator.Simulate(probe!);
        var because = ProbeJson.Format(result);
        if (root.TryGetProperty("expect", out var expected) && expected.GetString() == "error")
        {
            result.Error.Should().StartWith("in parameter smtpd_relay_restrictions or smtpd_recipient_restrictions, specify at least one working instance of", because);
        }
        else if (root.TryGetProperty("expect_reply", out var reply))
        {
            var actual = result.RcptReply ?? result.MailFromReply;
            actual.Should().Be(reply.GetString(), because);
        }

        if (root.TryGetProperty("expect", out var expect))
        {
            ProbeJson.Name(result.Decision).Should().Be(expect.GetString(), because);
        }
    }
}
