using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using PostfixLint.Testing;

namespace PostfixLint.IntegrationTests.Support;

/// <summary>Runs the real <c>postconf</c> against a configuration directory and parses what it prints.</summary>
internal static class Postconf
{
    // msg_vstream prefixes argv[0] as given, so a run by full path prints "/usr/sbin/postconf: warning: ".
    private static readonly Regex MessagePrefix = new(@"^\S*postconf: (?<kind>warning|fatal): ", RegexOptions.CultureInvariant);

    // postconf treats configuration text as bytes; Latin-1 maps every byte to one char and back, so nothing is lost.
    private static readonly Encoding Latin1 = Encoding.Latin1;

    private static long _runs;
    private static long _elapsedTicks;

    /// <summary>How many postconf runs this test session made.</summary>
    public static long Runs => Interlocked.Read(ref _runs);

    /// <summary>Total wall time spent in postconf runs this session.</summary>
    public static TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

    /// <summary>Runs <c>postconf -c <paramref name="configDirectory"/> <paramref name="args"/></c>; a non-zero exit is returned, not thrown.</summary>
    public static async Task<PostconfRun> RunAsync(string configDirectory, params string[] args)
    {
        ImmutableArray<string> arguments = ["-c", configDirectory, .. args];
        var result = await RealPostfix.RunAsync(RealPostfix.Postconf, arguments, Latin1, TimeSpan.FromSeconds(60));
        Interlocked.Increment(ref _runs);
        Interlocked.Add(ref _elapsedTicks, result.Duration.Ticks);
        return Parse(arguments, result.ExitCode, result.StandardOutput, result.StandardError, result.Duration) with { ProcessId = result.ProcessId };
    }

    /// <summary>Splits captured output into lines and sorts standard error into warnings, fatal errors and the rest.</summary>
    public static PostconfRun Parse(ImmutableArray<string> arguments, int exitCode, string stdout, string stderr, TimeSpan duration)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        var fatals = ImmutableArray.CreateBuilder<string>();
        var other = ImmutableArray.CreateBuilder<string>();
        foreach (var line in SplitLines(stderr))
        {
            var match = MessagePrefix.Match(line);
            if (!match.Success)
            {
                other.Add(line);
            }
            else if (match.Groups["kind"].Value == "warning")
            {
                warnings.Add(line[match.Length..]);
            }
            else
            {
                fatals.Add(line[match.Length..]);
            }
        }

        return new PostconfRun(arguments, exitCode, SplitLines(stdout), warnings.ToImmutable(), fatals.ToImmutable(), other.ToImmutable(), duration);
    }

    /// <summary>Splits on <c>\n</c>; a final newline does not make an empty last line.</summary>
    public static ImmutableArray<string> SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Split('\n');
        return lines[^1].Length == 0 ? [.. lines[..^1]] : [.. lines];
    }
}
