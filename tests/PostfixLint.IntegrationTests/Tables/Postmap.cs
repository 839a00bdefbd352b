using System.Text;
using CliWrap;
using CliWrap.Buffered;
using PostfixLint.IntegrationTests.Support;

namespace PostfixLint.IntegrationTests.Tables;

/// <summary>Runs the real <c>postmap</c>/<c>postalias</c> (build and <c>-q -</c> queries) with a private config directory.</summary>
internal static class Postmap
{
    public static async Task<BufferedCommandResult> RunAsync(string program, string configDirectory, string? stdin, params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var command = CliWrap.Cli.Wrap(program)
            .WithArguments(a => a.Add("-c").Add(configDirectory).Add(args))
            .WithValidation(CommandResultValidation.None);
        if (stdin is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromBytes(Encoding.Latin1.GetBytes(stdin)));
        }

        return await command.ExecuteBufferedAsync(Encoding.Latin1, Encoding.Latin1, timeout.Token);
    }

    /// <summary>Queries <paramref name="spec"/> for every key with <c>postmap -q -</c>; returns key → value for the keys found.</summary>
    public static async Task<Dictionary<string, string>> QueryAsync(string configDirectory, string spec, IEnumerable<string> keys, bool alias = false)
    {
        var found = await TryQueryAsync(configDirectory, spec, keys, alias);
        found.Should().NotBeNull($"postmap -q - {spec} failed");
        return found!;
    }

    /// <summary>Like <see cref="QueryAsync"/>, but null when postmap fails (e.g. a fatal error in the table).</summary>
    public static async Task<Dictionary<string, string>?> TryQueryAsync(string configDirectory, string spec, IEnumerable<string> keys, bool alias = false)
    {
        var program = alias ? RealPostfix.Postmap.Replace("postmap", "postalias", StringComparison.Ordinal) : RealPostfix.Postmap;
        var result = await RunAsync(program, configDirectory, string.Join('\n', keys) + "\n", "-q", "-", spec);
        // postmap -q exits 1 when nothing was found; only a fatal error means the table could not be read.
        if (result.ExitCode != 0 && (result.ExitCode != 1 || result.StandardError.Contains("fatal:", StringComparison.Ordinal)))
        {
            TestContext.Out.WriteLine($"postmap -q - {spec}: {result.StandardError}");
            return null;
        }

        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in result.StandardOutput.Split('\n'))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                // postalias prints "key:<TAB>value".
                var key = alias && line[tab - 1] == ':' ? line[..(tab - 1)] : line[..tab];
                found.TryAdd(key, line[(tab + 1)..]);
            }
        }

        return found;
    }

    /// <summary>The warnings postmap printed, without the program prefix.</summary>
    public static IEnumerable<string> Warnings(BufferedCommandResult result) => result.StandardError
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(l => l.Contains(": warning: ", StringComparison.Ordinal) ? l[(l.IndexOf(": warning: ", StringComparison.Ordinal) + 11)..] : l);
}
