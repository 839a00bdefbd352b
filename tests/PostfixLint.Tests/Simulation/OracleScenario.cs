using System.Text;
using PostfixLint.Model;
using PostfixLint.Simulation;
using PostfixLint.Tests.Cli;

namespace PostfixLint.Tests.Simulation;

/// <summary>
/// Builds a configuration directory the way tools/postfix-oracle does (its Debian-like base under the scenario's
/// main.cf fragment, an aliases file, the scenario's tables, smtpd_overrides.cf as master.cf -o options).
/// </summary>
internal static class OracleScenario
{
    public static string ExamplesRoot => Path.Combine(RepositoryPaths.Root, "testdata", "simulation-unit", "oracle-examples");

    private static readonly (string Name, string Value)[] s_base =
    [
        ("compatibility_level", "3.6"),
        ("myhostname", "mail.example.com"),
        ("mydomain", "example.com"),
        ("myorigin", "$myhostname"),
        ("mydestination", "$myhostname, localhost.$mydomain, localhost"),
        ("append_dot_mydomain", "no"),
        ("recipient_delimiter", "+"),
        ("relayhost", ""),
        ("alias_maps", "hash:$config_directory/aliases"),
        ("alias_database", "hash:$config_directory/aliases"),
        ("inet_protocols", "ipv4"),
    ];

    /// <summary>Writes the merged configuration of <paramref name="scenarioDir"/> into <paramref name="target"/>.</summary>
    public static void Build(string scenarioDir, string target, bool ipv6)
    {
        Directory.CreateDirectory(target);
        var fragment = File.ReadAllText(Path.Combine(scenarioDir, "main.cf"));
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in fragment.Split('\n'))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('#'))
            {
                set.Add(line[..eq].Trim());
            }
        }

        var main = new StringBuilder();
        foreach (var (name, value) in s_base)
        {
            if (!set.Contains(name))
            {
                main.Append(name).Append(" = ").Append(name == "inet_protocols" && ipv6 ? "all" : value).Append('\n');
            }
        }

        main.Append(fragment);
        File.WriteAllText(Path.Combine(target, "main.cf"), main.ToString());
        File.WriteAllText(Path.Combine(target, "aliases"), "postmaster: root\n");
        foreach (var file in Directory.GetFiles(scenarioDir))
        {
            var name = Path.GetFileName(file);
            if (name is not ("main.cf" or "probes.jsonl" or "smtpd_overrides.cf"))
            {
                File.Copy(file, Path.Combine(target, name), overwrite: true);
            }
        }

        var overrides = Path.Combine(scenarioDir, "smtpd_overrides.cf");
        if (File.Exists(overrides))
        {
            var master = new StringBuilder("smtp      inet  n       -       n       -       -       smtpd\n");
            foreach (var line in File.ReadAllLines(overrides))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && !line.StartsWith('#'))
                {
                    master.Append($"  -o {{ {line[..eq].Trim()} = {line[(eq + 1)..].Trim()} }}\n");
                }
            }

            File.WriteAllText(Path.Combine(target, "master.cf"), master.ToString());
        }
    }

    /// <summary>Every scenario directory name.</summary>
    public static IEnumerable<string> Names() =>
        Directory.Exists(ExamplesRoot) ? Directory.GetDirectories(ExamplesRoot).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal) : [];

    /// <summary>Loads a scenario into a temporary directory and returns a simulator over it.</summary>
    public static RelaySimulator Simulator(string scenario, string? passwd = null)
    {
        var dir = Path.Combine(ExamplesRoot, scenario);
        var probes = File.ReadAllLines(Path.Combine(dir, "probes.jsonl"));
        var ipv6 = probes.Any(p => p.Contains("\"client\":\"", StringComparison.Ordinal) && p.Split("\"client\":\"")[1].Split('"')[0].Contains(':', StringComparison.Ordinal));
        var target = Path.Combine(Path.GetTempPath(), "pfl-sim-" + scenario + "-" + Guid.NewGuid().ToString("N")[..8]);
        Build(dir, target, ipv6);
        var config = PostfixConfig.Load(target);
        return new RelaySimulator(config, new SimulatorOptions { PasswdFile = passwd, AssumeReachable = true });
    }
}
