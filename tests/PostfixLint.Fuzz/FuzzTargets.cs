using System.Text;
using PostfixLint.Analysis;
using PostfixLint.Analysis.Relay;
using PostfixLint.Cli.Reporting;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Simulation;
using PostfixLint.Syntax;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Fuzz;

/// <summary>The entry points a user's bytes reach, each with the properties that must hold for any input.</summary>
/// <remarks>
/// A target throws <see cref="FuzzPropertyException"/> when a property fails (round trip, a diagnostic outside its
/// document); any other exception escaping a target is a crash. Inputs are bytes, read as Postfix reads them (Latin-1).
/// </remarks>
internal static class FuzzTargets
{
    private static readonly Probe[] s_probes =
    [
        new("192.168.1.100", "app@example.com", "someone@gmail.com") { Helo = "client.example.net" },
        new("127.0.0.1", "", "postmaster@localhost") { Helo = "localhost" },
        new("2001:db8::1", "a@b.c", "<>") { SaslLogin = "alice" },
    ];

    /// <summary>The targets by name: main.cf, master.cf, each table syntax, postconf output (model, simulator, check), JSON.</summary>
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["main.cf"] = MainCf,
        ["master.cf"] = MasterCf,
        ["table.postmap"] = bytes => Table(bytes, TableSourceFormat.Postmap),
        ["table.aliases"] = bytes => Table(bytes, TableSourceFormat.Aliases),
        ["table.cidr"] = bytes => Table(bytes, TableSourceFormat.Cidr),
        ["table.regexp"] = bytes => Table(bytes, TableSourceFormat.Regexp),
        ["table.pcre"] = bytes => Table(bytes, TableSourceFormat.Pcre),
        ["postconf+simulate+check"] = ModelSimulateCheck,
        ["probe.json"] = ProbeJsonLine,
        ["policy.json"] = PolicyJson,
    };

    /// <summary>Which target a seed file feeds, from its name.</summary>
    public static IEnumerable<string> TargetsFor(string fileName)
    {
        var name = fileName.ToLowerInvariant();
        if (name.EndsWith("master.cf", StringComparison.Ordinal))
        {
            return ["master.cf"];
        }

        if (name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            return ["probe.json", "policy.json"];
        }

        if (name.EndsWith(".cidr", StringComparison.Ordinal))
        {
            return ["table.cidr"];
        }

        if (name.EndsWith(".pcre", StringComparison.Ordinal))
        {
            return ["table.pcre"];
        }

        if (name.EndsWith(".regexp", StringComparison.Ordinal) || name.EndsWith(".re", StringComparison.Ordinal))
        {
            return ["table.regexp"];
        }

        if (name.Contains("alias", StringComparison.Ordinal))
        {
            return ["table.aliases"];
        }

        return name.EndsWith(".cf", StringComparison.Ordinal) || name.EndsWith(".postconf", StringComparison.Ordinal)
            ? ["main.cf", "postconf+simulate+check"]
            : ["table.postmap", "main.cf"];
    }

    private static string Text(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    private static void MainCf(byte[] bytes)
    {
        var text = Text(bytes);
        var syntax = MainCfSyntax.Parse(text);
        RoundTrip(text, syntax.Document.ToFullString(), "main.cf");
        Inside(syntax.Diagnostics, text.Length, "main.cf");
    }

    private static void MasterCf(byte[] bytes)
    {
        var text = Text(bytes);
        var syntax = MasterCfSyntax.Parse(text);
        RoundTrip(text, syntax.Document.ToFullString(), "master.cf");
        Inside(syntax.Diagnostics, text.Length, "master.cf");
    }

    private static void Table(byte[] bytes, TableSourceFormat format)
    {
        var text = Text(bytes);
        var syntax = LookupTableSyntax.Parse(text, format);
        RoundTrip(text, syntax.Document.ToFullString(), format.ToString());
        Inside(syntax.Diagnostics, text.Length, format.ToString());
    }

    private static void ModelSimulateCheck(byte[] bytes) => ModelSimulateCheck(bytes, null);

    /// <summary>The postconf+simulate+check target; <paramref name="phase"/> hears when each phase ends (model, simulate, check).</summary>
    public static void ModelSimulateCheck(byte[] bytes, Action<string>? phase)
    {
        var config = PostfixConfig.FromPostconfOutput(Text(bytes), "postconf.txt");
        _ = config.IsUsable;
        phase?.Invoke("model");
        var simulator = new RelaySimulator(config, new SimulatorOptions { NoPasswd = true });
        foreach (var probe in s_probes)
        {
            simulator.Simulate(probe);
        }

        phase?.Invoke("simulate");
        var result = Linter.Check(config);
        phase?.Invoke("check");
        if (result.Findings.FirstOrDefault(f => f.Id == "PFL099") is { } broken)
        {
            throw new FuzzPropertyException($"a rule threw (PFL099): {broken.Message}");
        }
    }

    private static void ProbeJsonLine(byte[] bytes)
    {
        foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            ProbeJson.Parse(line, out _);
        }
    }

    private static void PolicyJson(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        RelayPolicyReader.Read(text);
        LintSettingsReader.Read(text, "settings.json");
    }

    private static void RoundTrip(string text, string again, string what)
    {
        if (!string.Equals(text, again, StringComparison.Ordinal))
        {
            throw new FuzzPropertyException($"{what}: the round trip changed the text");
        }
    }

    private static void Inside(IEnumerable<Diagnostic> diagnostics, int length, string what)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Span is { } span && (span.Start < 0 || span.Length < 0 || span.Start + span.Length > length))
            {
                throw new FuzzPropertyException($"{what}: {diagnostic.Id} at {span.Start}+{span.Length} is outside the {length}-char document");
            }
        }
    }
}
