using System.Collections.Immutable;

namespace PostfixLint.Analysis.Explain;

/// <summary>
/// Reads a mail log line by line and groups its smtpd rejects by cause and client, with counts. Memory is bounded
/// whatever the log's size: at most <see cref="GroupLimit"/> groups (later new groups are counted as
/// <see cref="Overflow"/>), a few warning lines per recent smtpd process, and the explainer's bounded cache.
/// </summary>
internal sealed class LogSummary(LogExplainer explainer)
{
    /// <summary>The most groups kept.</summary>
    public const int GroupLimit = 10_000;

    private const int WarningsPerProcess = 8;
    private const int ProcessLimit = 1_000;

    private readonly Dictionary<string, RejectGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _warnings = new(StringComparer.Ordinal);

    /// <summary>Lines read.</summary>
    public long Lines { get; private set; }

    /// <summary>Lines that are not smtpd reject lines (smtpd warnings that precede a reject included).</summary>
    public long Skipped { get; private set; }

    /// <summary>Reject lines explained.</summary>
    public long Rejects { get; private set; }

    /// <summary>Rejects the simulator reproduced exactly.</summary>
    public long Reproduced { get; private set; }

    /// <summary>Rejects that belong to no kept group because <see cref="GroupLimit"/> was reached.</summary>
    public long Overflow { get; private set; }

    /// <summary>Reads one log line; returns the explanation when it is a reject line.</summary>
    public LogExplanation? Add(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        Lines++;
        if (SmtpdLogParser.Parse(line) is not { } parsed)
        {
            Skipped++;
            return null;
        }

        var process = parsed.SyslogName + "[" + parsed.Pid + "]";
        if (parsed.Reject is not { } reject)
        {
            Skipped++;
            if (parsed.IsWarning)
            {
                Remember(process, parsed.Message["warning: ".Length..]);
            }

            return null;
        }

        var warnings = _warnings.Remove(process, out var list) ? list.ToImmutableArray() : [];
        var explanation = explainer.Explain(reject, parsed.SyslogName, warnings);
        Rejects++;
        Reproduced += explanation.Reproduced ? 1 : 0;
        var key = explanation.Cause + "\n" + reject.ClientAddress;
        if (!_groups.TryGetValue(key, out var group))
        {
            if (_groups.Count >= GroupLimit)
            {
                Overflow++;
                return explanation;
            }

            group = new RejectGroup(reject.ClientAddress, explanation.Cause, explanation.Location, explanation);
            _groups[key] = group;
        }

        group.Count++;
        group.Reproduced += explanation.Reproduced ? 1 : 0;
        return explanation;
    }

    /// <summary>The groups, most frequent first (then by cause and client).</summary>
    public ImmutableArray<RejectGroup> Groups() =>
        [.. _groups.Values.OrderByDescending(g => g.Count).ThenBy(g => g.Cause, StringComparer.Ordinal).ThenBy(g => g.Client, StringComparer.Ordinal)];

    private void Remember(string process, string warning)
    {
        if (!_warnings.TryGetValue(process, out var list))
        {
            if (_warnings.Count >= ProcessLimit)
            {
                _warnings.Clear();
            }

            list = [];
            _warnings[process] = list;
        }

        if (list.Count >= WarningsPerProcess)
        {
            list.RemoveAt(0);
        }

        list.Add(warning);
    }
}
