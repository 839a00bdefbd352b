using PostfixLint.Model;
using PostfixLint.Model.Tables;
using PostfixLint.Syntax;

namespace PostfixLint.Simulation;

/// <summary>Opens and caches the lookup tables one simulation needs, plus the passwd file behind <c>unix:passwd.byname</c>.</summary>
internal sealed class TableSet
{
    private readonly Dictionary<string, ILookupTable> _tables = new(StringComparer.Ordinal);
    private readonly Func<string, ILookupTable> _open;
    private readonly PostfixConfig _config;
    private readonly SimulatorOptions _options;
    private readonly Dictionary<string, List<(string Text, int Negations)>> _patterns = new(StringComparer.Ordinal);
    private HashSet<string>? _users;
    private bool _usersLoaded;

    public TableSet(PostfixConfig config, SimulatorOptions options)
    {
        _config = config;
        _options = options;
        if (options.OpenTable is { } open)
        {
            _open = open;
        }
        else
        {
            var factory = new LookupTableFactory(config);
            _open = factory.Open;
        }
    }

    /// <summary>The passwd file in use, or null when local users are unknown.</summary>
    public string? PasswdPath => _options.NoPasswd ? null : _options.PasswdFile ?? (File.Exists("/etc/passwd") ? "/etc/passwd" : null);

    public ILookupTable Open(string spec)
    {
        if (_tables.TryGetValue(spec, out var table))
        {
            return table;
        }

        var inner = spec.StartsWith("proxy:", StringComparison.Ordinal) ? spec["proxy:".Length..] : spec;
        table = inner == "unix:passwd.byname" ? new PasswdTable(spec, Users(), PasswdPath) : _open(spec);
        _tables[spec] = table;
        return table;
    }

    /// <summary>A match list's patterns (with <c>/file</c> entries read), computed once per list value.</summary>
    public List<(string Text, int Negations)> Patterns(string value, Func<string, List<(string Text, int Negations)>> build)
    {
        if (!_patterns.TryGetValue(value, out var patterns))
        {
            patterns = build(value);
            _patterns[value] = patterns;
        }

        return patterns;
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

    private HashSet<string>? Users()
    {
        if (_usersLoaded)
        {
            return _users;
        }

        _usersLoaded = true;
        if (PasswdPath is not { } path)
        {
            return null;
        }

        try
        {
            _users = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(path))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && !line.StartsWith('#'))
                {
                    _users.Add(line[..colon]);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _users = null;
        }

        return _users;
    }
}
