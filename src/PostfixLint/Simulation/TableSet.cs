using System.Collections.Concurrent;
using System.Net;
using PostfixLint.Model;
using PostfixLint.Model.Tables;
using PostfixLint.Model.Values;
using PostfixLint.Syntax;

namespace PostfixLint.Simulation;

/// <summary>Opens and caches the lookup tables one simulator needs, plus the passwd file behind <c>unix:passwd.byname</c>.</summary>
/// <remarks>
/// Every cache here is bounded by the configuration, not by the probes: the tables and <c>/file</c> match lists it
/// names, the CIDR patterns written in its match lists, and a sparse line index of each table source the trace points
/// into (over the bytes its table reads: <see cref="SimulatorOptions.Files"/>). All of them are safe under concurrent
/// readers.
/// </remarks>
internal sealed class TableSet
{
    private readonly ConcurrentDictionary<string, ILookupTable> _tables = new(StringComparer.Ordinal);
    private readonly Func<string, ILookupTable> _open;
    private readonly PostfixConfig _config;
    private readonly SimulatorOptions _options;
    private readonly ConcurrentDictionary<string, List<(string Text, int Negations)>> _patterns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string? Error, IPNetwork Network)> _cidrs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TableSourceLines?> _sources = new(StringComparer.Ordinal);
    private readonly TableFiles _files;
    private readonly Lazy<HashSet<string>?> _users;

    public TableSet(PostfixConfig config, SimulatorOptions options)
    {
        _config = config;
        _options = options;
        _users = new Lazy<HashSet<string>?>(ReadUsers);
        _files = options.Files ?? new TableFiles();
        Utf8 = !PostfixBoolean.TryParse(config.Expand("smtputf8_enable") ?? "yes", out var utf8) || utf8;
        if (options.OpenTable is { } open)
        {
            _open = open;
        }
        else
        {
            var factory = new LookupTableFactory(config, new LookupTableOptions { AsDeployed = options.AsDeployed, Files = _files });
            _open = factory.Open;
        }
    }

    /// <summary>util_utf8_enable of the daemons that read main.cf as it is (trivial-rewrite): its <c>smtputf8_enable</c>.</summary>
    public bool Utf8 { get; }

    /// <summary>The passwd file in use, or null when local users are unknown.</summary>
    public string? PasswdPath => _options.NoPasswd ? null : _options.PasswdFile ?? (File.Exists("/etc/passwd") ? "/etc/passwd" : null);

    public ILookupTable Open(string spec) =>
        _tables.TryGetValue(spec, out var table) ? table : _tables.GetOrAdd(spec, OpenCore);

    /// <summary>A match list's patterns (with <c>/file</c> entries read), computed once per list value.</summary>
    public List<(string Text, int Negations)> Patterns(string value, Func<string, List<(string Text, int Negations)>> build) =>
        _patterns.TryGetValue(value, out var patterns) ? patterns : _patterns.GetOrAdd(value, build);

    /// <summary>cidr_match_parse() of a match-list pattern, parsed once per pattern.</summary>
    public (string? Error, IPNetwork Network) Cidr(string pattern) =>
        _cidrs.TryGetValue(pattern, out var parsed)
            ? parsed
            : _cidrs.GetOrAdd(pattern, static p => (NetworkList.ParseCidr(p, out var network), network));

    /// <summary>The span of line <paramref name="line"/> (without its line ending) in the table source <paramref name="path"/>; null when it cannot be read.</summary>
    public TextSpan? LineSpan(string? path, int line)
    {
        if (path is null || line < 1)
        {
            return null;
        }

        return _sources.GetOrAdd(path, ReadSource)?.LineSpan(line);
    }

    /// <summary>The text of a <c>/file</c> named in a match list, or null when it cannot be read.</summary>
    public string? ReadListFile(string path)
    {
        try
        {
            return SourceFile.Read(_config.Paths.Map(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private ILookupTable OpenCore(string spec)
    {
        var inner = spec.StartsWith("proxy:", StringComparison.Ordinal) ? spec["proxy:".Length..] : spec;
        return inner == "unix:passwd.byname" ? new PasswdTable(spec, _users.Value, PasswdPath) : _open(spec);
    }

    private TableSourceLines? ReadSource(string path)
    {
        if (!path.StartsWith('/'))
        {
            return null;
        }

        try
        {
            return new TableSourceLines(_files.Open(_config.Paths.Map(path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private HashSet<string>? ReadUsers()
    {
        if (PasswdPath is not { } path)
        {
            return null;
        }

        try
        {
            var users = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in Syntax.InputFile.ReadLines(path, System.Text.Encoding.UTF8))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && !line.StartsWith('#'))
                {
                    users.Add(line[..colon]);
                }
            }

            return users;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
