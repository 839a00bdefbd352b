namespace PostfixLint.IntegrationTests.Support;

/// <summary>Locates the real Postfix programs (Debian's package) that the differential tests use as the oracle.</summary>
internal static class RealPostfix
{
    private static readonly string[] SearchDirectories = ["/usr/sbin", "/usr/local/sbin", "/sbin"];

    /// <summary>Path of <c>postconf</c>; fails the test (never skips) when Postfix is not installed.</summary>
    public static string Postconf => Locate("postconf");

    /// <summary>Path of <c>postmap</c>; fails the test when Postfix is not installed.</summary>
    public static string Postmap => Locate("postmap");

    /// <summary>Path of <c>postfix</c>; fails the test when Postfix is not installed.</summary>
    public static string Postfix => Locate("postfix");

    /// <summary>Debian's stock master.cf, used by the <c>-d</c> tests.</summary>
    public static string DefaultMasterCf
    {
        get
        {
            const string path = "/etc/postfix/master.cf";
            if (!File.Exists(path))
            {
                Assert.Fail($"{path} is missing. Run scripts/test.sh, which installs Debian's postfix package (3.7.11).");
            }

            return path;
        }
    }

    private static string Locate(string program)
    {
        foreach (var directory in SearchDirectories)
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var pathDirectories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        foreach (var directory in pathDirectories)
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        // Integration tests prove the library against real Postfix; without it they prove nothing, so fail loudly.
        Assert.Fail(
            $"Real Postfix is not installed: '{program}' was not found in {string.Join(", ", SearchDirectories)} or PATH. "
            + "Run scripts/test.sh, which installs Debian's postfix package (3.7.11) before running the integration tests.");
        throw new InvalidOperationException("unreachable");
    }
}
