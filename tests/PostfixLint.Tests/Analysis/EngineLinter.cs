using System.Collections.Immutable;
using System.Net;
using System.Text;
using PostfixLint.Analysis;
using PostfixLint.Analysis.Relay;
using PostfixLint.Diagnostics;
using PostfixLint.Fixing;
using PostfixLint.Model;
using PostfixLint.Model.Catalog;
using PostfixLint.Simulation;
using PostfixLint.Tests.Support.Golden;

namespace PostfixLint.Tests.Analysis;

/// <summary>
/// Runs the real <see cref="Linter"/> on a rule fixture: the case's files are written to a fresh directory, loaded as
/// a configuration with fixed host facts (so computed defaults don't depend on this machine), and checked with the
/// case's <c>.postfix-lint.json</c> policy when it has one.
/// </summary>
internal static class EngineLinter
{
    /// <summary>The host every fixture is checked on: mail.example.com with 192.0.2.10/24 besides loopback.</summary>
    public static HostFacts Host { get; } = new(
        "mail.example.com",
        [new HostInterfaceAddress("lo", IPAddress.Loopback, 8), new HostInterfaceAddress("lo", IPAddress.IPv6Loopback, 128),
         new HostInterfaceAddress("eth0", IPAddress.Parse("192.0.2.10"), 24)],
        1);

    /// <summary>
    /// Ids no main.cf/master.cf input can produce, only a <c>postconf</c> query: <c>name: unknown parameter</c> for a
    /// name given on the command line (PFL045; an unknown name in main.cf is PFL043), <c>unmatched request</c> and a
    /// malformed <c>-M</c>/<c>-P</c> pattern (PFL046, PFL047). They stay in the catalogue for <c>postconf</c>'s output.
    /// </summary>
    private static readonly HashSet<string> s_queryOnly = [DiagnosticIds.UnknownParameter, DiagnosticIds.UnmatchedServiceRequest, DiagnosticIds.InvalidServicePattern];

    /// <summary>Every id that needs fixtures: all of the registry except the one that only a bug produces and the postconf-query ones.</summary>
    public static IReadOnlyList<string> RuleIds =>
        [.. RuleRegistry.All.Where(d => d != RuleRegistry.RuleFailed && !s_queryOnly.Contains(d.Id)).Select(d => d.Id)];

    /// <summary>The findings of every file of the case, and main.cf with the fixes of the case's rule applied.</summary>
    public static Support.Golden.LintResult Lint(RuleCase ruleCase)
    {
        var directory = Write(ruleCase);
        try
        {
            var (config, options) = Load(directory);
            var findings = Linter.Check(config, options).Findings;
            var golden = findings.Select(f => new GoldenFinding(
                // A message that names a file ("open <path>: ...") names it relative to the case's fresh directory.
                f.Id, f.Message.Replace(directory + "/", "", StringComparison.Ordinal), f.Path is null ? "(default)" : Path.GetRelativePath(directory, f.Path).Replace('\\', '/'),
                f.Span?.Start, f.Span?.Length ?? 0, f.Fix?.Title)).ToList();
            return new Support.Golden.LintResult(golden, FixedMainCf(config, options, ruleCase.RuleId, findings));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Writes the case's files to a fresh directory (modification times from its <c>.mtimes</c>, a fixed passwd file) and returns it.</summary>
    public static string Write(RuleCase ruleCase)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pfl-rules-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        foreach (var (name, text) in ruleCase.Files)
        {
            var path = Path.Combine(directory, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, Encoding.Latin1.GetBytes(text));
        }

        SetModificationTimes(directory);
        File.WriteAllText(Path.Combine(directory, ".passwd"), "root:x:0:0::/root:/bin/sh\npostfix:x:100:101::/var/spool/postfix:/bin/false\nalice:x:1000:1000::/home/alice:/bin/sh\n");
        return directory;
    }

    /// <summary>Loads a directory written by <see cref="Write"/> as the fixtures are checked: fixed host facts, the case's policy.</summary>
    public static (PostfixConfig Config, LintOptions Options) Load(string directory)
    {
        var config = PostfixConfig.Load(directory, new ConfigLoadOptions { Host = Host, Root = directory });
        var options = new LintOptions
        {
            Policy = ReadPolicy(directory),
            PolicySource = ".postfix-lint.json",
            Relay = new RelayAnalysisOptions { Simulator = new SimulatorOptions { PasswdFile = Path.Combine(directory, ".passwd") } },
        };
        return (config, options);
    }

    /// <summary>
    /// A case's <c>.mtimes</c> file (lines <c>name seconds</c>) backdates its files by that many seconds, so the order of
    /// a table's source and database is part of the fixture (git keeps no modification times).
    /// </summary>
    private static void SetModificationTimes(string directory)
    {
        var path = Path.Combine(directory, ".mtimes");
        if (!File.Exists(path))
        {
            return;
        }

        var now = DateTime.UtcNow;
        foreach (var line in File.ReadAllLines(path))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 2 && !line.StartsWith('#'))
            {
                File.SetLastWriteTimeUtc(Path.Combine(directory, fields[0]), now.AddSeconds(-int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
    }

    private static RelayPolicy? ReadPolicy(string directory)
    {
        var path = Path.Combine(directory, ".postfix-lint.json");
        if (!File.Exists(path))
        {
            return null;
        }

        var read = RelayPolicyReader.Read(File.ReadAllText(path));
        return read.Succeeded ? read.Policy : throw new InvalidDataException($"fixture policy: {string.Join("; ", read.Errors)}");
    }

    /// <summary>
    /// main.cf as <c>postfix-lint fix --select RULE --unsafe-fixes</c> leaves it (every pass of <see cref="FixApplier"/>,
    /// so fixes that overlap in one pass are all applied); null when it does not change.
    /// </summary>
    private static string? FixedMainCf(PostfixConfig config, LintOptions options, string ruleId, IEnumerable<Diagnostic> findings)
    {
        if (!findings.Any(f => f.Id == ruleId && f.Fix is { Safety: not FixSafety.DisplayOnly }))
        {
            return null;
        }

        var plan = FixApplier.Plan(config, new FixOptions { Lint = options, Select = [ruleId], UnsafeFixes = true });
        return plan.Files.FirstOrDefault(f => string.Equals(f.Path, config.MainCf?.Document.Path, StringComparison.Ordinal))?.NewText;
    }
}
