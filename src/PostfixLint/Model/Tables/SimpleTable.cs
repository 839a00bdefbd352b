using System.Net;
using PostfixLint.Model.Values;

namespace PostfixLint.Model.Tables;

/// <summary>A small in-memory table: fixed keys (case-folded), a static value, or CIDR rules.</summary>
internal sealed class SimpleTable : ILookupTable
{
    private readonly Dictionary<string, (string Value, int Line)> _entries;
    private readonly string? _staticValue;
    private readonly List<(IPNetwork Network, bool Negated, string Value, int Line)>? _cidr;
    private readonly string? _source;

    public SimpleTable(string spec, bool fixedKey, TableContents contents, string? reason, Dictionary<string, (string, int)> entries, string? staticValue, string? source,
        List<(IPNetwork, bool, string, int)>? cidr = null)
    {
        Spec = spec;
        IsFixedKey = fixedKey;
        Contents = contents;
        UnavailableReason = reason;
        _entries = entries;
        _staticValue = staticValue;
        _source = source;
        _cidr = cidr;
    }

    public string Spec { get; }

    public bool IsFixedKey { get; }

    public TableContents Contents { get; }

    public string? UnavailableReason { get; }

    public static SimpleTable Unavailable(string spec, string reason) =>
        new(spec, true, TableContents.Unavailable, reason, new Dictionary<string, (string, int)>(), null, null);

    public static SimpleTable FromSource(string spec, string path, string text)
    {
        var entries = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        string? pendingKey = null;
        var pendingValue = "";
        var pendingLine = 0;
        void Flush()
        {
            if (pendingKey is not null)
            {
                entries.TryAdd(pendingKey, (pendingValue.Trim(), pendingLine));
            }

            pendingKey = null;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]) && pendingKey is not null)
            {
                pendingValue += " " + trimmed;
                continue;
            }

            Flush();
            var split = trimmed.IndexOfAny([' ', '\t']);
            var key = split < 0 ? trimmed : trimmed[..split];
            var value = split < 0 ? "" : trimmed[split..].Trim();
            if (key.EndsWith(':'))
            {
                key = key[..^1];
            }

            if (value.Length == 0)
            {
                continue;
            }

            pendingKey = key.ToLowerInvariant();
            pendingValue = value;
            pendingLine = i + 1;
        }

        Flush();
        return new SimpleTable(spec, true, TableContents.Known, null, entries, null, path);
    }

    public static SimpleTable FromInline(string spec, string body)
    {
        var entries = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        foreach (var element in PostfixList.Split(body))
        {
            var text = element.Text.StartsWith('{') && element.Text.EndsWith('}') ? element.Text[1..^1].Trim() : element.Text;
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                entries[text[..eq].Trim().ToLowerInvariant()] = (text[(eq + 1)..].Trim(), 0);
            }
        }

        return new SimpleTable(spec, true, TableContents.Known, null, entries, null, null);
    }

    public static SimpleTable FromCidr(string spec, string path, string text)
    {
        var rules = new List<(IPNetwork, bool, string, int)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            var split = trimmed.IndexOfAny([' ', '\t']);
            if (split < 0)
            {
                continue;
            }

            var pattern = trimmed[..split];
            var negated = pattern.StartsWith('!');
            pattern = pattern.TrimStart('!');
            if (!pattern.Contains('/', StringComparison.Ordinal))
            {
                pattern += pattern.Contains(':', StringComparison.Ordinal) ? "/128" : "/32";
            }

            if (NetworkList.ParseCidr(pattern.Contains(':', StringComparison.Ordinal) && !pattern.StartsWith('[') ? "[" + pattern.Replace("/", "]/", StringComparison.Ordinal) : pattern, out var network) is null)
            {
                rules.Add((network, negated, trimmed[split..].Trim(), i + 1));
            }
        }

        return new SimpleTable(spec, false, TableContents.Known, null, new Dictionary<string, (string, int)>(), null, path, rules);
    }

    public TableLookup Lookup(string key)
    {
        switch (Contents)
        {
            case TableContents.Unavailable:
                return new TableLookup(TableLookupStatus.Error, null, null, 0);
            case TableContents.Unknown:
                return new TableLookup(TableLookupStatus.Unknown, null, null, 0);
        }

        if (_staticValue is not null)
        {
            return new TableLookup(TableLookupStatus.Found, _staticValue, null, 0);
        }

        if (_cidr is not null)
        {
            if (!IPAddress.TryParse(key, out var address))
            {
                return new TableLookup(TableLookupStatus.NotFound, null, null, 0);
            }

            foreach (var (network, negated, value, line) in _cidr)
            {
                if (network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address) != negated)
                {
                    return new TableLookup(TableLookupStatus.Found, value, _source, line);
                }
            }

            return new TableLookup(TableLookupStatus.NotFound, null, null, 0);
        }

        return _entries.TryGetValue(key.ToLowerInvariant(), out var entry)
            ? new TableLookup(TableLookupStatus.Found, entry.Value, _source, entry.Line)
            : new TableLookup(TableLookupStatus.NotFound, null, null, 0);
    }
}
