using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using PostfixLint.IntegrationTests.Instance;

namespace PostfixLint.IntegrationTests.Simulation;

/// <summary>Runs generated cases against real Postfix (one instance per case, probes batched) and compares a simulator with the answers.</summary>
public static class DifferentialRunner
{
    /// <summary>
    /// Runs one hand-written scenario on a fresh private instance, simulates the same probes on the files it wrote,
    /// prints both answers per probe to the test log, and returns them (the scenario directory is removed).
    /// </summary>
    /// <param name="scenario">The configuration and probes.</param>
    /// <param name="feature">What the scenario exercises (names the temporary directory and the generated case).</param>
    public static async Task<(CaseOutcome Outcome, IReadOnlyList<ProbeResult> Simulated)> RunOneAsync(Scenario scenario, string feature)
    {
        var root = Path.Combine(Path.GetTempPath(), "pfl-" + feature + "-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var outcome = (await RunRealAsync([new GeneratedCase(0, scenario, [feature])], root, parallelism: 1))[0];
            var simulated = SimulatorBinding.Simulate!(outcome.Directory, scenario.Probes);
            for (var i = 0; i < outcome.Real.Length; i++)
            {
                TestContext.Out.WriteLine($"{outcome.Real[i].Probe.Id}:\n    real {Line(outcome.Real[i])}\n    sim  {Line(simulated[i])}");
            }

            return (outcome, simulated);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        static string Line(ProbeResult r) =>
            $"{r.Decision} auth={r.AuthReply} mail={r.MailFromReply} rcpt={r.RcptReply} error={r.Error}";
    }

    /// <summary>Fails with every difference when the simulator's answers are not real Postfix's (see <see cref="Compare"/>).</summary>
    public static void ShouldAgree(CaseOutcome outcome, IReadOnlyList<ProbeResult> simulated) =>
        Compare(outcome, simulated).Should().BeEmpty(Compact(outcome, simulated));

    /// <summary>Writes each case as a scenario directory under <paramref name="outputRoot"/>, runs it on a private instance and records <c>expected.jsonl</c>.</summary>
    public static async Task<ImmutableArray<CaseOutcome>> RunRealAsync(
        IReadOnlyList<GeneratedCase> cases, string outputRoot, int parallelism, CancellationToken cancellationToken = default)
    {
        var outcomes = new ConcurrentDictionary<int, CaseOutcome>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, cases.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var generated = cases[index];
                var directory = Path.Combine(outputRoot, generated.Scenario.Name);
                generated.Scenario.WriteTo(directory);
                await using var instance = await PrivatePostfixInstance.StartAsync(generated.Scenario, token);
                var stopwatch = Stopwatch.StartNew();
                var results = await instance.RunProbesAsync(generated.Scenario.Probes, token);
                var probeTime = stopwatch.Elapsed;
                var problems = instance.LogProblems;
                await instance.DisposeAsync();
                // The session details too: the comparison checks auth_reply, so a replay (POSTFIXLINT_DIFF_REPLAY) needs it.
                ProbeJson.WriteResults(Path.Combine(directory, "expected.jsonl"), results, includeSessionDetails: true);
                outcomes[index] = new CaseOutcome(generated, directory, results, instance.Timings, probeTime, instance.Overridden, problems);
            });
        return [.. Enumerable.Range(0, cases.Count).Select(i => outcomes[i])];
    }

    /// <summary>
    /// Re-reads real Postfix's answers recorded by an earlier run (<c>POSTFIXLINT_DIFF_KEEP</c>) instead of starting instances:
    /// for iterating on the simulator. A case whose directory or <c>expected.jsonl</c> is missing, or whose probes changed, is
    /// run on a real instance.
    /// </summary>
    public static async Task<ImmutableArray<CaseOutcome>> RunRecordedAsync(
        IReadOnlyList<GeneratedCase> cases, string recordedRoot, int parallelism, CancellationToken cancellationToken = default)
    {
        var outcomes = new CaseOutcome?[cases.Count];
        var missing = new List<int>();
        for (var i = 0; i < cases.Count; i++)
        {
            var directory = Path.Combine(recordedRoot, cases[i].Scenario.Name);
            var expected = Path.Combine(directory, "expected.jsonl");
            var recorded = File.Exists(expected) ? Scenario.Load(directory) : null;
            if (recorded is null || recorded.MainCf != cases[i].Scenario.MainCf || !recorded.Probes.SequenceEqual(cases[i].Scenario.Probes)
                || recorded.MasterCf != cases[i].Scenario.MasterCf)
            {
                missing.Add(i);
                continue;
            }

            var zero = new InstanceTimings(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
            outcomes[i] = new CaseOutcome(cases[i], directory, ProbeJson.ReadResults(expected), zero, TimeSpan.Zero, [], []);
        }

        var fresh = await RunRealAsync([.. missing.Select(i => cases[i])], recordedRoot, parallelism, cancellationToken);
        for (var j = 0; j < missing.Count; j++)
        {
            outcomes[missing[j]] = fresh[j];
        }

        return [.. outcomes.Select(o => o!)];
    }

    /// <summary>Every field the simulator must reproduce that differs, as readable lines; empty when the simulator matches.</summary>
    /// <remarks>
    /// Compared: decision, stage, mail_from_reply and rcpt_reply exactly. For decision <c>error</c> the real error text
    /// carries the harness's framing ("smtpd cannot run with this configuration: ..."), so a simulated error only has to
    /// be contained in it.
    /// </remarks>
    public static ImmutableArray<string> Compare(CaseOutcome outcome, IReadOnlyList<ProbeResult> simulated)
    {
        var differences = ImmutableArray.CreateBuilder<string>();
        if (simulated.Count != outcome.Real.Length)
        {
            differences.Add($"the simulator gave {simulated.Count} results for {outcome.Real.Length} probes");
            return differences.ToImmutable();
        }

        for (var i = 0; i < simulated.Count; i++)
        {
            var real = outcome.Real[i];
            var sim = simulated[i];
            void Check(string field, string? expected, string? actual)
            {
                if (!string.Equals(expected, actual, StringComparison.Ordinal))
                {
                    differences.Add($"probe {real.Probe.Id}: {field}: real {Show(expected)}, simulated {Show(actual)}");
                }
            }

            Check("decision", Name(real.Decision), Name(sim.Decision));
            Check("stage", Name(real.Stage), Name(sim.Stage));
            Check("mail_from_reply", real.MailFromReply, sim.MailFromReply);
            Check("rcpt_reply", real.RcptReply, sim.RcptReply);
            Check("auth_reply", real.AuthReply, sim.AuthReply);
            if (real.Decision == ProbeDecision.Error && sim.Error is not null && real.Error?.Contains(sim.Error, StringComparison.Ordinal) != true)
            {
                differences.Add($"probe {real.Probe.Id}: error: real {Show(real.Error)}, simulated {Show(sim.Error)}");
            }
        }

        return differences.ToImmutable();
    }

    /// <summary>A failure report for one case: seed, features, main.cf with line numbers, tables, and the differences.</summary>
    public static string Describe(CaseOutcome outcome, IEnumerable<string> differences)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"case {outcome.Case.Scenario.Name} (seed {outcome.Case.Seed}; {string.Join(", ", outcome.Case.Features)}) in {outcome.Directory}\n");
        var lines = outcome.Case.Scenario.MainCf.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"  main.cf:{i + 1,-3} {lines[i]}\n");
            }
        }

        foreach (var (file, content) in outcome.Case.Scenario.Tables)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {file}: {content.Replace("\n", " | ", StringComparison.Ordinal)}\n");
        }

        foreach (var difference in differences)
        {
            text.Append("  ").Append(difference).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>One line per differing probe: case, probe, the probe's envelope and the real and simulated replies.</summary>
    public static string Compact(CaseOutcome outcome, IReadOnlyList<ProbeResult> simulated)
    {
        var text = new StringBuilder();
        for (var i = 0; i < Math.Min(simulated.Count, outcome.Real.Length); i++)
        {
            var real = outcome.Real[i];
            var sim = simulated[i];
            if (real.Decision == sim.Decision && real.Stage == sim.Stage && real.MailFromReply == sim.MailFromReply && real.RcptReply == sim.RcptReply)
            {
                continue;
            }

            var p = real.Probe;
            text.Append(CultureInfo.InvariantCulture,
                $"{p.Id} [{p.Service}] client={p.ClientAddress} name={p.ClientName} helo={p.Helo} login={p.SaslLogin} from=<{p.Sender}> to=<{p.Recipient}>: "
                + $"real {Name(real.Decision)} {Show(real.MailFromReply)} {Show(real.RcptReply)}{(real.Error is null ? "" : " (" + real.Error + ")")}; "
                + $"simulated {Name(sim.Decision)} {Show(sim.MailFromReply)} {Show(sim.RcptReply)}{(sim.Error is null ? "" : " (" + sim.Error + ")")}\n");
        }

        return text.ToString();
    }

    /// <summary>A one-paragraph timing summary: instance start/stop and per-probe cost.</summary>
    public static string TimingReport(IReadOnlyList<CaseOutcome> outcomes, TimeSpan wall)
    {
        var probes = outcomes.Sum(o => o.Real.Length);
        double Mean(Func<CaseOutcome, TimeSpan> f) => outcomes.Average(o => f(o).TotalMilliseconds);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{outcomes.Count} instances, {probes} probes in {wall.TotalSeconds:F1} s wall; per instance: setup {Mean(o => o.Timings.Setup):F0} ms, "
            + $"start {Mean(o => o.Timings.Start):F0} ms, stop {Mean(o => o.Timings.Stop):F0} ms; "
            + $"per probe {outcomes.Sum(o => o.ProbeTime.TotalMilliseconds) / Math.Max(1, probes):F1} ms");
    }

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Show(string? value) => value is null ? "null" : "\"" + value + "\"";
}
