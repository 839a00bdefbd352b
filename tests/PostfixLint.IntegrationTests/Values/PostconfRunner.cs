using System.Text;
using PostfixLint.Testing;

namespace PostfixLint.IntegrationTests.Values;

/// <summary>Runs the real postconf against throw-away configuration directories.</summary>
internal static class PostconfRunner
{
    public static string PostconfPath => RealPostfix.Postconf;

    public sealed record Output(string StandardOutput, IReadOnlyList<string> Messages, int ExitCode);

    public static void RequirePostconf()
    {
        _ = PostconfPath;
    }

    /// <summary>Writes main.cf (one "name = value" line per setting) and an empty master.cf, back-dated so postconf does not pause.</summary>
    public static string WriteConfig(IEnumerable<(string Name, string Value)> settings)
    {
        var dir = ConfigFiles.CreateTemporaryDirectory("pfl-values-");
        var text = new StringBuilder();
        foreach (var (name, value) in settings)
        {
            text.Append(name).Append(" = ").Append(value).Append('\n');
        }

        foreach (var (file, content) in new[] { ("main.cf", text.ToString()), ("master.cf", string.Empty) })
        {
            ConfigFiles.Write(Path.Combine(dir, file), Encoding.UTF8.GetBytes(content));
        }

        return dir;
    }

    public static async Task<Output> RunAsync(params string[] arguments)
    {
        var result = await RealPostfix.RunAsync(PostconfPath, arguments, Encoding.UTF8, TimeSpan.FromSeconds(30));

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
