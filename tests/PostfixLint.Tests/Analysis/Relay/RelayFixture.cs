using PostfixLint.Analysis.Relay;
using PostfixLint.Model;
using PostfixLint.Simulation;

namespace PostfixLint.Tests.Analysis.Relay;

/// <summary>Writes a small configuration to a temporary directory and builds a <see cref="RelayAnalyzer"/> over it.</summary>
internal static class RelayFixture
{
    private const string Base = """
        compatibility_level = 3.6
        myhostname = mail.example.com
        mydomain = example.com
        myorigin = $myhostname
        mydestination = $myhostname, localhost.$mydomain, localhost
        recipient_delimiter = +
        alias_maps = hash:/etc/postfix/aliases
        inet_interfaces = all
        inet_protocols = all

        """;

    public static PostfixConfig Load(string mainCf, string? masterCf = null, IReadOnlyDictionary<string, string>? files = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "pfl-relay-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "main.cf"), Base.Replace("\r", "", StringComparison.Ordinal) + mainCf + "\n");
        File.WriteAllText(Path.Combine(dir, "aliases"), "postmaster: root\n");
        File.WriteAllText(Path.Combine(dir, "passwd"), "root:x:0:0::/root:/bin/sh\n");
        if (masterCf is not null)
        {
            File.WriteAllText(Path.Combine(dir, "master.cf"), masterCf);
        }

        foreach (var (name, text) in files ?? new Dictionary<string, string>())
        {
            File.WriteAllText(Path.Combine(dir, name), text);
        }

        return PostfixConfig.Load(dir);
    }

    public static RelayAnalyzer Analyzer(PostfixConfig config, RelayPolicy? policy = null) =>
        new(config, policy, new RelayAnalysisOptions
        {
            Simulator = new SimulatorOptions { PasswdFile = Path.Combine(config.ConfigDirectory, "passwd") },
        });

    public static RelayAnalyzer Analyzer(string mainCf, string? masterCf = null, IReadOnlyDictionary<string, string>? files = null, RelayPolicy? policy = null) =>
        Analyzer(Load(mainCf, masterCf, files), policy);
}
