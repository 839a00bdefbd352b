using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace PostfixLint.IntegrationTests.Instance;

/// <summary>Follows the instance's <c>maillog_file</c> (written by postlogd) and remembers every complete line.</summary>
internal sealed partial class MaillogReader(string path)
{
    private readonly List<string> _lines = [];
    private readonly StringBuilder _partial = new();
    private long _offset;

    /// <summary>Every complete line read so far.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Reads what was appended since the last call and returns the new complete lines.</summary>
    public ImmutableArray<string> ReadNew()
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length <= _offset)
        {
            return [];
        }

        stream.Seek(_offset, SeekOrigin.Begin);
        var buffer = new byte[stream.Length - _offset];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        _offset += read;
        _partial.Append(Encoding.Latin1.GetString(buffer, 0, read));
        var text = _partial.ToString();
        var end = text.LastIndexOf('\n');
        if (end < 0)
        {
            return [];
        }

        _partial.Clear().Append(text, end + 1, text.Length - end - 1);
        var fresh = text[..end].Split('\n');
        _lines.AddRange(fresh);
        return [.. fresh];
    }

    /// <summary>The message of the first <c>fatal:</c> or <c>panic:</c> line among <paramref name="lines"/>, without the syslog prefix.</summary>
    public static string? FindFatal(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var match = FatalLine().Match(line);
            if (match.Success)
            {
                return match.Groups["text"].Value;
            }
        }

        return null;
    }

    /// <summary>
    /// Why smtpd never greeted, from <paramref name="lines"/>: its own <c>fatal:</c>/<c>panic:</c> message, else master's
    /// report that the process died before it served a client (master_spawn.c: "bad command startup -- throttling",
    /// e.g. after a restriction class cycle's stack overflow); null when nothing says so yet.
    /// </summary>
    public static string? FindStartupFailure(IEnumerable<string> lines)
    {
        var list = lines as IReadOnlyList<string> ?? [.. lines];
        return FindFatal(list) ?? list.Select(l => MasterStartupFailureLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["text"].Value).FirstOrDefault();
    }

    /// <summary>The problem lines (<c>warning</c>, <c>error</c>, <c>fatal</c>, <c>panic</c>) read so far, without the syslog prefix.</summary>
    public ImmutableArray<string> Problems() =>
        [.. _lines.Select(l => ProblemLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["text"].Value)];

    // maillog lines look like "Nov 29 02:55:43 mail postfix/smtpd[8148]: fatal: ..."; the daemon name is kept.
    [GeneratedRegex(@"\bpostfix[^\s\[]*\[\d+\]: (?:fatal|panic): (?<text>.*)$")]
    private static partial Regex FatalLine();

    // "postfix/master[81]: warning: /usr/lib/postfix/sbin/smtpd: bad command startup -- throttling".
    [GeneratedRegex(@"\bpostfix[^\s\[]*/master\[\d+\]: warning: (?<text>\S+: bad command startup -- throttling)$")]
    private static partial Regex MasterStartupFailureLine();

    [GeneratedRegex(@"(?<text>\bpostfix[^\s\[]*\[\d+\]: (?:warning|error|fatal|panic): .*)$")]
    private static partial Regex ProblemLine();
}
