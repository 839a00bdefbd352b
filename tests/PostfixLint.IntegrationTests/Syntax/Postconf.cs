using PostfixLint.Testing;

namespace PostfixLint.IntegrationTests.Syntax;

/// <summary>Runs the real postconf against throw-away configuration directories.</summary>
public static class Postconf
{
    /// <summary>Fails the test when postconf is missing: differential tests must never pass silently.</summary>
    public static void Require() => _ = RealPostfix.Postconf;

    /// <summary>Creates a temporary config directory with <paramref name="mainCf"/> and optionally <paramref name="masterCf"/>, back-dated so postconf does not pause.</summary>
    public static string CreateConfigDirectory(string mainCf, string? masterCf = null)
    {
        var dir = ConfigFiles.CreateTemporaryDirectory("postfixlint-");
        ConfigFiles.Write(Path.Combine(dir, "main.cf"), mainCf);
        if (masterCf is not null)
        {
            ConfigFiles.Write(Path.Combine(dir, "master.cf"), masterCf);
        }

        return dir;
    }

    /// <summary>Runs postconf with <paramref name="arguments"/>; output is decoded as Latin-1, one char per byte.</summary>
    public static Task<PostfixProgramResult> RunAsync(params string[] arguments) =>
        RealPostfix.RunAsync(RealPostfix.Postconf, arguments, timeout: TimeSpan.FromSeconds(30));
}
