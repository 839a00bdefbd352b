using PostfixLint.Model;
using PostfixLint.Simulation;

namespace PostfixLint.Tests.Simulation;

/// <summary>Writes a small configuration to a temporary directory and simulates probes against it.</summary>
internal static class SimulatorFixture
{
    internal const string Base = """
        compatibility_level = 3.6
        myhostname = mail.example.com
        mydomain = example.com
        myorigin = $myhostname
        mydestination = $myhostname, localhost.$mydomain, localhost
        recipient_delimiter = +
        alias_maps = hash:/etc/postfix/aliases
        inet_interfaces = all
        inet_protocols = all
        mynetworks = 127.0.0.0/8

        """;

    public static SimulationResult Run(string mainCf, Probe probe, string? masterCf = null, IReadOnlyDictionary<string, string>? files = null, SimulatorOptions? options = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "pfl-simunit-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "main.cf"), Base.Replace("\r", "", StringComparison.Ordinal) + mainCf + "\n");
        File.WriteAllText(Path.Combine(dir, "aliases"), "postmaster: root\n");
        var passwd = Path.Combine(dir, "passwd");
        File.WriteAllText(passwd, "root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n");
        if (masterCf is not null)
        {
            File.WriteAllText(Path.Combine(dir, "master.cf"), masterCf);
        }

        foreach (var (name, text) in files ?? new Dictionary<string, string>())
        {
            File.WriteAllText(Path.Combine(dir, name), text);
        }

        var config = PostfixConfig.Load(dir);
        return new RelaySimulator(config, options ?? new SimulatorOptions { PasswdFile = passwd }).Simulate(probe);
    }

    public static Probe Remote(string recipient = "someone@gmail.com", string sender = "app@example.com") =>
        new("192.168.1.100", sender, recipient) { Helo = "client.example.net" };
}
