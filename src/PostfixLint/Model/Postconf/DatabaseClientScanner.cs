using PostfixLint.Diagnostics;
using PostfixLint.Model.Values;
using PostfixLint.Syntax;

namespace PostfixLint.Model.Postconf;

/// <summary>
/// Registers the parameters of database clients named in table lists (<c>ldap:name</c> makes <c>name_server_host</c>
/// and friends known) and checks client configuration files (src/postconf/postconf_dbms.c).
/// </summary>
/// <param name="state">The shared emulation state.</param>
/// <param name="flagDatabaseParameter">Marks a <c>name_suffix</c> parameter as used in a scope (null: main.cf).</param>
internal sealed class DatabaseClientScanner(PostconfState state, Action<string, int?> flagDatabaseParameter)
{
    private readonly HashSet<string> _visitedClientFiles = new(StringComparer.Ordinal);

    // Tokens already scanned without a warning, per scope: scanning one again flags the same names and checks the same
    // files (both idempotent), so it is skipped. A doubling chain repeats one nested map 10^2 times in a value, and each
    // copy cost a walk of 100 nesting levels (fuzz postconf+simulate+check-3128a678294a518d: 601 MiB).
    // A token met again at a depth no shallower than its first scan reaches no deeper level, so nothing new.
    private readonly Dictionary<(string Token, int? Scope), int> _quietTokens = [];
    private int _warnings;

    /// <summary>pcf_register_dbms_helper(): walks the expanded value of <paramref name="site"/> in scope <paramref name="scopeIndex"/>.</summary>
    /// <remarks>Maps nested deeper than <see cref="InputLimits.MaxMapNesting"/> are not scanned (postconf would, to no end).</remarks>
    public void RegisterDatabaseParameters(string expandedValue, int? scopeIndex, string site, int depth = 0)
    {
        if (depth > InputLimits.MaxMapNesting)
        {
            return;
        }

        foreach (var token in PostfixList.Split(expandedValue))
        {
            var text = token.Text;
            if (_quietTokens.TryGetValue((text, scopeIndex), out var scannedAt) && scannedAt <= depth)
            {
                continue;
            }

            var warnings = _warnings;
            RegisterToken(text, scopeIndex, site, depth);
            if (_warnings == warnings)
            {
                _quietTokens[(text, scopeIndex)] = depth;
            }
        }
    }

    private void RegisterToken(string text, int? scopeIndex, string site, int depth)
    {
        if (text.StartsWith('{'))
        {
            RegisterDatabaseParameters(ExtractBraced(text, 0, scopeIndex, site), scopeIndex, site, depth + 1);
            return;
        }

        var (type, start) = SplitTableSpec(text);
        if (start < 0 || text.AsSpan(start).StartsWith('.'))
        {
            return;
        }

        if (text.AsSpan(start).StartsWith('{'))
        {
            // Read from the token in place: one copy of a nested map's text per level, not two.
            RegisterDatabaseParameters(ExtractBraced(text, start, scopeIndex, site), scopeIndex, site, depth + 1);
            return;
        }

        var rest = text[start..];
        if (rest.StartsWith('/'))
        {
            if (DatabaseClientParameters.For(type) is { } known)
            {
                CheckClientFile(type, rest, known);
            }

            return;
        }

        if (DatabaseClientParameters.For(type) is { } suffixes)
        {
            foreach (var suffix in suffixes)
            {
                flagDatabaseParameter(rest + "_" + suffix, scopeIndex);
            }
        }
    }

    // The type (after any proxy: prefixes) and where the text after its ':' starts in text, or -1 without one.
    private static (string Type, int RemainderStart) SplitTableSpec(string text)
    {
        var start = 0;
        while (true)
        {
            var colon = text.IndexOf(':', start);
            if (colon < 0)
            {
                return (text[start..], -1);
            }

            if (!text.AsSpan(start, colon - start).SequenceEqual("proxy"))
            {
                return (text[start..colon], colon + 1);
            }

            start = colon + 1;
        }
    }

    // src/util/extpar.c with EXTPAR_FLAG_NONE: drop the outer braces; complain about what follows the closing one.
    private string ExtractBraced(string text, int start, int? scopeIndex, string site)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && --depth == 0)
            {
                if (i + 1 < text.Length)
                {
                    Warn($"{WarningPrefix(scopeIndex)}syntax error after '}}' in \"{text[(start + 1)..]}\"", scopeIndex, site);
                }

                return text[(start + 1)..i];
            }
        }

        Warn($"{WarningPrefix(scopeIndex)}missing '}}' in \"{text[(start + 1)..]}\"", scopeIndex, site);
        return text[(start + 1)..];
    }

    private void Warn(string text, int? scopeIndex, string site)
    {
        _warnings++;
        var (path, span) = state.Locate(scopeIndex, site);
        state.Messages.Warn(DiagnosticIds.TableListBadBraces, text, path, span);
    }

    private string WarningPrefix(int? scopeIndex) =>
        scopeIndex is { } index ? $"{PostconfState.MasterCfName}:{state.Config.Services[index].Key}: " : $"{PostconfState.MainCfName}: ";

    // src/postconf/postconf_dbms.c pcf_check_dbms_client()
    private void CheckClientFile(string type, string path, IReadOnlySet<string> known)
    {
        var spec = type + ":" + path;
        if (!_visitedClientFiles.Add(spec))
        {
            return;
        }

        if (ReadClientFile(type, path) is not { } text)
        {
            return;
        }

        var syntax = MainCfSyntax.Parse(text, path);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var definitions = new List<ParameterDefinition>();
        foreach (var message in PostfixConfig.LoadDictionary(syntax, path, values, [], definitions))
        {
            state.Messages.Add(message);
            if (message.Severity == DiagnosticSeverity.Fatal)
            {
                throw new PostconfFatalException(message.Id, message.Message, alreadyReported: true);
            }
        }

        foreach (var (name, value) in values)
        {
            if (!known.Contains(name))
            {
                var span = definitions.LastOrDefault(d => d.Name == name)?.Provenance.Span;
                state.Messages.Warn(DiagnosticIds.UnusedParameter, $"{spec}: unused parameter: {name}={value}", path, span);
            }
        }
    }

    // The file's text, or null after warning as postconf does (and silently when it may not be read).
    private string? ReadClientFile(string type, string path)
    {
        var actual = state.Config.Paths.Map(path);
        if (Directory.Exists(actual))
        {
            state.Messages.Warn(DiagnosticIds.DatabaseClientFileNotReadable, $"open \"{type}\" configuration \"{path}\": not a regular file", path);
            return null;
        }

        try
        {
            return SourceFile.Read(actual);
        }
        catch (UnauthorizedAccessException)
        {
            // postconf stays silent when the file exists but may not be read: it may hold a password.
            return null;
        }
        catch (Exception ex) when (ex is IOException)
        {
            state.Messages.Warn(DiagnosticIds.DatabaseClientFileNotReadable, $"open \"{type}\" configuration \"{path}\": {ErrorText.Describe(ex)}", path);
            return null;
        }
    }
}
