using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace PostfixLint.IntegrationTests.Values;

/// <summary>Runs the real postconf against throw-away configuration directories.</summary>
internal static class PostconfRunner
{
    public const string PostconfPath = "/usr/sbin/postconf";

    public sealed record Output(string StandardOutput, IReadOnlyList<string> Messages, int ExitCode);

    public static void RequirePostconf()
    {
        if (!File.Exists(PostconfPath))
        {
            Assert.Fail($"Real Postfix is required for the differential tests: {PostconfPath} is missing (install the Debian 'postfix' package).");
        }
    }

    /// <summary>Writes main.cf (one "name = value" line per setting) and an empty master.cf, back-dated so postconf does not pause.</summary>
    public static string WriteConfig(IEnumerable<(string Name, string Value)> settings)
    {
        var dir = Path.Combine(Path.GetTempPath(), "pfl-values-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var text = new StringBuilder();
        foreach (var (name, value) in settings)
        {
            text.Append(name).Append(" = ").Append(value).Append('\n');
        }

        var past = DateTime.UtcNow.AddMinutes(-1);
        foreach (var (file, content) in new[] { ("main.cf", text.ToString()), ("master.cf", string.Empty) })
        {
            var path = Path.Combine(dir, file);
            File.WriteAllText(path, content);
            File.SetLastWriteTimeUtc(path, past);
        }

        return dir;
    }

    public static async Task<Output> RunAsync(params string[] arguments)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await CliWrap.Cli.Wrap(PostconfPath)
            .WithArguments(a => a.Add(arguments))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);

        // "/usr/sbin/postconf: warning: text" -> "warning: text".
        var messages = result.StandardError
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line =>
            {
                var at = line.IndexOf(": warning: ", StringComparison.Ordinal);
                if (at < 0)
                {
                    at = line.IndexOf(": fatal: ", StringComparison.Ordinal);
                }

                return at < 0 ? line : line[(at + 2)..];
            })
            .ToList();
        return new Output(result.StandardOutput, messages, result.ExitCode);
    }

    /// <summary>Parses <c>postconf -d</c> or <c>-n</c> output into name/value pairs.</summary>
    public static Dictionary<string, string> ParseNameValues(string output)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = line.IndexOf(" =", StringComparison.Ordinal);
            if (eq < 0)
            {
                continue;
            }

            var value = line[(eq + 2)..];
            map[line[..eq]] = value.StartsWith(' ') ? value[1..] : value;
        }

        return map;
    }

    /// <summary>postconf prints values with white space runs collapsed (<c>pcf_print_line()</c>).</summary>
    public static string Normalize(string value) =>
        string.Join(' ', value.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
