using System.Collections.Immutable;
using System.Text;
using PostfixLint.Model.Catalog;
using PostfixLint.Model.Values;
using PostfixLint.Syntax;

namespace PostfixLint.Model.Postconf;

/// <summary>
/// Reproduces what the <c>postconf</c> command of Postfix 3.7 does with a configuration: which names it knows,
/// which values it prints, and which warnings it gives (src/postconf/postconf.c <c>main()</c>).
/// </summary>
/// <remarks>
/// The order of steps matters and follows postconf: built-in names, then service-defined names from master.cf,
/// then user-defined names found by scanning values (postconf_user.c), then printing, then "unused" warnings
/// (postconf_unused.c). postconf walks main.cf in hash order; this walks it in file order, which changes only
/// the order of warnings, never their set.
/// </remarks>
internal sealed class PostconfEngine
{
    private const string MainCfName = "main.cf";
    private const string MasterCfName = "master.cf";

    private readonly PostfixConfig _config;
    private readonly bool _defaultsOnly;
    private readonly ParameterCatalog _catalog;
    private readonly Dictionary<string, PostconfNode> _table = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _main;
    private readonly List<Dictionary<string, string>?> _masterScopes = [];
    private readonly List<HashSet<string>?> _masterValid = [];
    private readonly HashSet<string> _restrictionClasses = new(StringComparer.Ordinal);
    private readonly HashSet<string> _visitedDatabaseClients = new(StringComparer.Ordinal);
    private readonly List<ConfigMessage> _messages = [];
    private string? _computedHostName;
    private string? _computedDomain;
    private string? _computedNetworks;
    private int _setupMessageCount;

    // Printing and expanding reuse the message list and fill lazy caches; one caller at a time.
    private readonly Lock _gate = new();

    private PostconfEngine(PostfixConfig config, bool defaultsOnly)
    {
        _config = config;
        _defaultsOnly = defaultsOnly;
        _catalog = config.Catalog;
        _main = defaultsOnly ? new Dictionary<string, string>(StringComparer.Ordinal) : config.BuildMainDictionary();
    }

    /// <summary>Messages in the order postconf gives them, up to and including a fatal one.</summary>
    public IReadOnlyList<ConfigMessage> Messages => _messages;

    /// <summary>True when postconf stopped with a fatal error before it could print.</summary>
    public bool Failed { get; private set; }

    private string ConfigDirectory => _config.ConfigDirectory;

    /// <summary>Builds the name table for normal operation (<paramref name="defaultsOnly"/> false) or for <c>-d</c>.</summary>
    public static PostconfEngine Create(PostfixConfig config, bool defaultsOnly)
    {
        var engine = new PostconfEngine(config, defaultsOnly);
        try
        {
            engine.RegisterBuiltInParameters();
            engine.RegisterServiceParameters();
            if (!defaultsOnly)
            {
                engine.RegisterUserParameters();
            }
        }
        catch (PostconfFatalException fatal)
        {
            engine.Failed = true;
            if (!fatal.AlreadyReported)
            {
                engine.AddFatal(fatal.Message);
            }
        }

        engine._setupMessageCount = engine._messages.Count;
        return engine;
    }

    /// <summary>Prints like <c>postconf</c> with the options of <paramref name="query"/>.</summary>
    public PostconfOutput Print(PostconfQuery query)
    {
        lock (_gate)
        {
            return PrintLocked(query);
        }
    }

    private PostconfOutput PrintLocked(PostconfQuery query)
    {
        // Printing may add expansion warnings; start each print from the messages of the set-up.
        _messages.RemoveRange(_setupMessageCount, _messages.Count - _setupMessageCount);
        var lines = ImmutableArray.CreateBuilder<string>();
        if (Failed)
        {
            return new PostconfOutput(lines.ToImmutable(), [.. _messages], true);
        }

        var queryMessages = new List<ConfigMessage>();
        try
        {
            if (query.Names.IsDefaultOrEmpty)
            {
                foreach (var name in _table.Where(pair => pair.Value.IsListed).Select(pair => pair.Key).Order(StringComparer.Ordinal))
                {
                    PrintParameter(lines, query, name, _table[name]);
                }
            }
            else
            {
                foreach (var name in query.Names)
                {
                    if (_table.TryGetValue(name, out var node))
                    {
                        PrintParameter(lines, query, name, node);
                    }
                    else
                    {
                        queryMessages.Add(new ConfigMessage(DiagnosticSeverity.Warning, $"{name}: unknown parameter"));
                    }
                }
            }
        }
        catch (PostconfFatalException fatal)
        {
            var failed = new List<ConfigMessage>(_messages);
            failed.AddRange(queryMessages);
            if (!fatal.AlreadyReported)
            {
                failed.Add(new ConfigMessage(DiagnosticSeverity.Fatal, fatal.Message));
            }

            return new PostconfOutput(lines.ToImmutable(), [.. failed], true);
        }

        var messages = new List<ConfigMessage>(_messages);
        messages.AddRange(queryMessages);
        if (!_defaultsOnly)
        {
            messages.AddRange(UnusedParameterWarnings());
        }

        return new PostconfOutput(lines.ToImmutable(), [.. messages], false);
    }

    /// <summary>
    /// Prints master.cf like <c>postconf -M</c> (entries) or <c>postconf -P</c> (the <c>-o</c> parameters), for the
    /// <c>service[/type]</c> or <c>service/type/parameter</c> patterns in <paramref name="patterns"/> (<c>*</c> matches
    /// anything); then warns about unmatched patterns and unused master.cf parameters (src/postconf/postconf_master.c).
    /// </summary>
    public PostconfOutput PrintServices(bool parameters, IReadOnlyList<string> patterns)
    {
        lock (_gate)
        {
            return PrintServicesLocked(parameters, patterns);
        }
    }

    private PostconfOutput PrintServicesLocked(bool parameters, IReadOnlyList<string> patterns)
    {
        _messages.RemoveRange(_setupMessageCount, _messages.Count - _setupMessageCount);
        if (Failed)
        {
            return new PostconfOutput([], [.. _messages], true);
        }

        var requests = new List<(string Text, string[] Parts, int Matches)>();
        foreach (var pattern in patterns)
        {
            var parts = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var max = parameters ? 3 : 2;
            if (pattern.StartsWith('/') || parts.Length < 1 || parts.Length > max || parts.Any(p => p != "*" && p.Contains('*')))
            {
                var usage = parameters ? "-P option requires service_name[/type[/parameter]]" : "-M option requires service_name[/type]";
                return new PostconfOutput([], [.. _messages, new ConfigMessage(DiagnosticSeverity.Fatal, usage)], true);
            }

            requests.Add((pattern, [.. parts, .. Enumerable.Repeat("*", max - parts.Length)], 0));
        }

        static bool Matches(string pattern, string value) => pattern == "*" || pattern == value;

        var lines = ImmutableArray.CreateBuilder<string>();
        foreach (var service in _config.Services)
        {
            if (service.Syntax is not { } entry)
            {
                continue;
            }

            if (!parameters)
            {
                var line = MasterEntryFormatter.FormatEntry(entry);
                if (requests.Count == 0)
                {
                    lines.Add(line);
                }

                for (var i = 0; i < requests.Count; i++)
                {
                    if (Matches(requests[i].Parts[0], service.Name) && Matches(requests[i].Parts[1], service.Type))
                    {
                        requests[i] = requests[i] with { Matches = requests[i].Matches + 1 };
                        lines.Add(line);
                    }
                }

                continue;
            }

            var parameterLines = MasterEntryFormatter.FormatParameters(entry).ToList();
            if (parameterLines.Count == 0)
            {
                continue;
            }

            if (requests.Count == 0)
            {
                lines.AddRange(parameterLines.Select(p => p.Line));
            }

            for (var i = 0; i < requests.Count; i++)
            {
                var (_, parts, matches) = requests[i];
                if (!Matches(parts[0], service.Name) || !Matches(parts[1], service.Type))
                {
                    continue;
                }

                var selected = parts[2] == "*" ? parameterLines : parameterLines.Where(p => p.Parameter == parts[2]).ToList();
                if (parts[2] == "*" || selected.Count > 0)
                {
                    lines.AddRange(selected.Select(p => p.Line));
                    requests[i] = requests[i] with { Matches = matches + 1 };
                }
            }
        }

        var messages = new List<ConfigMessage>(_messages);
        messages.AddRange(requests.Where(r => r.Matches == 0)
            .Select(r => new ConfigMessage(DiagnosticSeverity.Warning, $"unmatched request: \"{r.Text}\"")));
        messages.AddRange(UnusedParameterWarnings(includeMainCf: false));
        return new PostconfOutput(lines.ToImmutable(), [.. messages], false);
    }

    /// <summary>The value <c>postconf -x</c> prints for <paramref name="name"/>, or null when it has none.</summary>
    public string? ExpandedValue(string name)
    {
        lock (_gate)
        {
            return ExpandedValueLocked(name);
        }
    }

    private string? ExpandedValueLocked(string name)
    {
        if (!_table.TryGetValue(name, out var node) && !_main.ContainsKey(name))
        {
            return null;
        }

        var value = Lookup(name, null);
        if (value is null)
        {
            return null;
        }

        if (node is not null && (node.Flags & PostconfNodeFlags.Raw) != 0)
        {
            return value;
        }

        try
        {
            return Expand(value, null);
        }
        catch (PostconfFatalException)
        {
            return null;
        }
    }

    /// <summary>The name class of <paramref name="name"/> as postconf sees it.</summary>
    public ParameterClass ClassOf(string name)
    {
        if (!_table.TryGetValue(name, out var node))
        {
            return ParameterClass.Unknown;
        }

        var flags = node.Flags;
        return (flags & PostconfNodeFlags.User) != 0 ? ParameterClass.UserDefined
            : (flags & PostconfNodeFlags.Service) != 0 ? ParameterClass.ServiceDefined
            : (flags & PostconfNodeFlags.BuiltIn) != 0 ? ParameterClass.BuiltIn
            : (flags & PostconfNodeFlags.Legacy) != 0 ? ParameterClass.Legacy
            : ParameterClass.Unknown;
    }

    /// <summary>The default of <paramref name="name"/>, unexpanded, or null when postconf does not know the name.</summary>
    public string? DefaultOf(string name)
    {
        lock (_gate)
        {
            return _table.TryGetValue(name, out var node) ? node.DefaultValue() : null;
        }
    }

    private void PrintParameter(ImmutableArray<string>.Builder lines, PostconfQuery query, string name, PostconfNode node)
    {
        // src/postconf/postconf_lookup.c pcf_lookup_parameter_value(): -d shows defaults only; -n shows only
        // main.cf values; otherwise main.cf wins over the default.
        string? value;
        if (_defaultsOnly)
        {
            value = node.DefaultValue();
        }
        else if (_main.TryGetValue(name, out var explicitValue))
        {
            value = explicitValue;
        }
        else
        {
            value = query.NonDefaultOnly ? null : node.DefaultValue();
        }

        if (value is null)
        {
            return;
        }

        if (query.Expand && (node.Flags & PostconfNodeFlags.Raw) == 0)
        {
            value = Expand(value, null);
        }

        lines.Add(NormalizeWhitespace(name + " = " + value));
    }

    /// <summary>
    /// postconf prints every line with runs of blanks collapsed to one space and no leading or trailing blanks
    /// (src/postconf/postconf_print.c <c>pcf_print_line()</c>), so an empty value prints as <c>name =</c>.
    /// </summary>
    internal static string NormalizeWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private void RegisterBuiltInParameters()
    {
        foreach (var name in _catalog.Names)
        {
            var flags = PostconfNodeFlags.BuiltIn;
            if (_catalog.IsRaw(name))
            {
                flags |= PostconfNodeFlags.Raw;
            }

            if (_catalog.IsReadOnly(name))
            {
                flags |= PostconfNodeFlags.ReadOnly;
            }

            _table[name] = new PostconfNode(flags, BuiltInDefault(name));
        }

        foreach (var name in _catalog.LegacyNames)
        {
            if (!_table.ContainsKey(name))
            {
                // Legacy names have empty defaults (src/postconf/postconf_builtin.c pcf_legacy_str_table).
                _table[name] = new PostconfNode(PostconfNodeFlags.Legacy, static () => string.Empty);
            }
        }
    }

    private Func<string> BuiltInDefault(string name) => name switch
    {
        "myhostname" => ComputedHostName,
        "mydomain" => ComputedDomain,
        "mynetworks" => ComputedNetworks,
        "process_name" => static () => ComputedDefaults.PostconfProcessName,
        "process_id" => () => ComputedDefaults.ProcessId(_config.Host),
        "service_name" => static () => string.Empty,
        _ => _catalog.TryGetDefault(name, out var value) ? () => value : static () => string.Empty,
    };

    private void RegisterServiceParameters()
    {
        foreach (var service in _config.Services)
        {
            foreach (var (name, defaultValue) in _catalog.ServiceDefinedParameters(service.Name, service.Command))
            {
                if (_table.TryGetValue(name, out var existing))
                {
                    existing.OverrideClass(PostconfNodeFlags.Service);
                }
                else
                {
                    _table[name] = new PostconfNode(PostconfNodeFlags.Service, () => defaultValue);
                }
            }
        }
    }

    // src/postconf/postconf_user.c pcf_register_user_parameters()
    private void RegisterUserParameters()
    {
        foreach (var service in _config.Services)
        {
            if (service.Overrides.IsEmpty)
            {
                _masterScopes.Add(null);
                _masterValid.Add(null);
                continue;
            }

            var scope = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var definition in service.Overrides)
            {
                scope[definition.Name] = definition.Value;
            }

            _masterScopes.Add(scope);
            _masterValid.Add(new HashSet<string>(StringComparer.Ordinal));
        }

        for (var index = 0; index < _masterScopes.Count; index++)
        {
            if (_masterScopes[index] is not null)
            {
                ScanNamespace(index);
            }
        }

        // Defaults can name obsolete parameters ($virtual_maps in virtual_alias_maps): scanning them keeps an
        // explicit setting of such a name from being reported unused.
        foreach (var (name, node) in _table.ToList())
        {
            if ((node.Flags & PostconfNodeFlags.Raw) != 0 || _main.ContainsKey(name))
            {
                continue;
            }

            ScanValue(node.DefaultValue(), PostconfNodeFlags.User, null);
        }

        ScanNamespace(null);
    }

    // src/postconf/postconf_user.c pcf_scan_user_parameter_namespace()
    private void ScanNamespace(int? scopeIndex)
    {
        var dictionary = scopeIndex is { } i ? _masterScopes[i]! : _main;
        var source = scopeIndex is null ? MainCfName : MasterCfName;
        if (dictionary.TryGetValue("smtpd_restriction_classes", out var classes))
        {
            var evaluated = EvaluateInDictionary(classes, dictionary);
            foreach (var className in SplitCommaSpace(evaluated))
            {
                if (scopeIndex is null)
                {
                    _restrictionClasses.Add(className);
                }

                FlagUserParameter(className, PostconfNodeFlags.User, scopeIndex);
            }
        }

        foreach (var (name, value) in dictionary.ToList())
        {
            if (!dictionary.ContainsKey(name))
            {
                continue;
            }

            if (scopeIndex is { } local && _restrictionClasses.Contains(name))
            {
                _masterValid[local]!.Add(name);
            }

            if (_table.TryGetValue(name, out var node))
            {
                if ((node.Flags & PostconfNodeFlags.ReadOnly) != 0)
                {
                    AddWarning($"{ConfigDirectory}/{source}: read-only parameter assignment: {name}={value}");
                    dictionary.Remove(name);
                    continue;
                }

                if ((node.Flags & PostconfNodeFlags.Legacy) != 0)
                {
                    node.OverrideClass(PostconfNodeFlags.User);
                }

                if ((node.Flags & PostconfNodeFlags.Raw) != 0)
                {
                    continue;
                }
            }

            ScanValue(value, PostconfNodeFlags.User, scopeIndex);
            if (node is not null && (node.Flags & (PostconfNodeFlags.BuiltIn | PostconfNodeFlags.Service)) != 0)
            {
                // Without '$' the value expands to itself (and cannot fail); without ':' it names no table.
                var expanded = value.Contains('$') ? Expand(value, scopeIndex) : value;
                if (expanded.Contains(':'))
                {
                    RegisterDatabaseParameters(expanded, scopeIndex);
                }
            }
        }
    }

    private void ScanValue(string value, PostconfNodeFlags parameterClass, int? scopeIndex)
    {
        // Without a '$' there is neither a reference nor a macro syntax error to find; most defaults are such.
        if (!value.Contains('$'))
        {
            return;
        }

        var scan = MacroReferences.Scan(value);
        foreach (var message in scan.Messages)
        {
            _messages.Add(new ConfigMessage(message.Severity, message.Text));
        }

        foreach (var reference in scan.References)
        {
            FlagUserParameter(reference.Name, parameterClass, scopeIndex);
        }
    }

    // src/postconf/postconf_user.c pcf_flag_user_parameter()
    private void FlagUserParameter(string name, PostconfNodeFlags parameterClass, int? scopeIndex)
    {
        var source = scopeIndex is null ? MainCfName : MasterCfName;
        var userSupplied = false;
        if (scopeIndex is { } local && _masterScopes[local]!.ContainsKey(name))
        {
            userSupplied = true;
            _masterValid[local]!.Add(name);
        }
        else if (_main.ContainsKey(name))
        {
            userSupplied = true;
            if (!_table.ContainsKey(name))
            {
                _table[name] = new PostconfNode(parameterClass, static () => string.Empty);
            }
        }

        if (scopeIndex is null)
        {
            for (var index = 0; index < _masterScopes.Count; index++)
            {
                if (_masterScopes[index] is { } scope && scope.ContainsKey(name))
                {
                    userSupplied = true;
                    _masterValid[index]!.Add(name);
                }
            }
        }

        if (!userSupplied && (parameterClass & PostconfNodeFlags.Database) == 0 && !_table.ContainsKey(name))
        {
            AddWarning($"{ConfigDirectory}/{source}: undefined parameter: {name}");
        }
    }

    // src/postconf/postconf_dbms.c pcf_register_dbms_helper()
    private void RegisterDatabaseParameters(string expandedValue, int? scopeIndex)
    {
        foreach (var token in PostfixList.Split(expandedValue))
        {
            var text = token.Text;
            if (text.StartsWith('{'))
            {
                RegisterDatabaseParameters(ExtractBraced(text, scopeIndex), scopeIndex);
                continue;
            }

            var type = text;
            string? rest;
            while (true)
            {
                var colon = type.IndexOf(':');
                rest = colon < 0 ? null : type[(colon + 1)..];
                if (colon >= 0 && type[..colon] == "proxy")
                {
                    type = rest!;
                    continue;
                }

                if (colon >= 0)
                {
                    type = type[..colon];
                }

                break;
            }

            if (rest is null)
            {
                continue;
            }

            if (rest.StartsWith('/'))
            {
                if (DatabaseClientParameters.For(type) is { } known)
                {
                    CheckDatabaseClientFile(type, rest, known);
                }

                continue;
            }

            if (rest.StartsWith('.'))
            {
                continue;
            }

            if (rest.StartsWith('{'))
            {
                RegisterDatabaseParameters(ExtractBraced(rest, scopeIndex), scopeIndex);
                continue;
            }

            if (DatabaseClientParameters.For(type) is { } suffixes)
            {
                foreach (var suffix in suffixes)
                {
                    FlagUserParameter(rest + "_" + suffix, PostconfNodeFlags.Database | PostconfNodeFlags.User, scopeIndex);
                }
            }
        }
    }

    // src/util/extpar.c with EXTPAR_FLAG_NONE: drop the outer braces; complain about what follows the closing one.
    private string ExtractBraced(string text, int? scopeIndex)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && --depth == 0)
            {
                if (i + 1 < text.Length)
                {
                    AddWarning($"{DatabaseWarningPrefix(scopeIndex)}syntax error after '}}' in \"{text[1..]}\"");
                }

                return text[1..i];
            }
        }

        AddWarning($"{DatabaseWarningPrefix(scopeIndex)}missing '}}' in \"{text[1..]}\"");
        return text[1..];
    }

    private string DatabaseWarningPrefix(int? scopeIndex) =>
        scopeIndex is { } index ? $"{MasterCfName}:{_config.Services[index].Key}: " : $"{MainCfName}: ";

    // src/postconf/postconf_dbms.c pcf_check_dbms_client()
    private void CheckDatabaseClientFile(string type, string path, IReadOnlySet<string> known)
    {
        var spec = type + ":" + path;
        if (!_visitedDatabaseClients.Add(spec))
        {
            return;
        }

        var actual = _config.Paths.Map(path);
        if (Directory.Exists(actual))
        {
            AddWarning($"open \"{type}\" configuration \"{path}\": not a regular file");
            return;
        }

        string text;
        try
        {
            text = SourceFile.Read(actual);
        }
        catch (UnauthorizedAccessException)
        {
            // postconf stays silent when the file exists but may not be read: it may hold a password.
            return;
        }
        catch (Exception ex) when (ex is IOException)
        {
            AddWarning($"open \"{type}\" configuration \"{path}\": {ErrorText.Describe(ex)}");
            return;
        }

        var syntax = MainCfSyntax.Parse(text, path);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in PostfixConfig.LoadDictionary(syntax, path, values, []))
        {
            _messages.Add(message);
            if (message.Severity == DiagnosticSeverity.Fatal)
            {
                throw new PostconfFatalException(message.Text, alreadyReported: true);
            }
        }

        foreach (var (name, value) in values)
        {
            if (!known.Contains(name))
            {
                AddWarning($"{spec}: unused parameter: {name}={value}");
            }
        }
    }

    /// <summary>The definitions postconf reports as unused, in file order (main.cf first, then master.cf).</summary>
    public IEnumerable<ParameterDefinition> UnusedDefinitions()
    {
        if (Failed)
        {
            yield break;
        }

        var mainDefinitions = _config.Definitions
            .Where(d => d.Provenance.Kind != ProvenanceKind.CommandLine)
            .GroupBy(d => d.Name, StringComparer.Ordinal)
            .Select(g => g.Last());
        foreach (var definition in mainDefinitions)
        {
            if (_main.ContainsKey(definition.Name) && !_table.ContainsKey(definition.Name))
            {
                yield return definition;
            }
        }

        for (var index = 0; index < _masterScopes.Count; index++)
        {
            if (_masterScopes[index] is null)
            {
                continue;
            }

            foreach (var definition in _config.Services[index].Overrides.GroupBy(d => d.Name, StringComparer.Ordinal).Select(g => g.Last()))
            {
                if (!_table.ContainsKey(definition.Name) && !_masterValid[index]!.Contains(definition.Name))
                {
                    yield return definition;
                }
            }
        }
    }

    // src/postconf/postconf_unused.c
    private IEnumerable<ConfigMessage> UnusedParameterWarnings(bool includeMainCf = true)
    {
        foreach (var (name, value) in includeMainCf ? _main : [])
        {
            if (!_table.ContainsKey(name))
            {
                yield return new ConfigMessage(
                    DiagnosticSeverity.Warning,
                    $"{ConfigDirectory}/{MainCfName}: unused parameter: {name}={value}",
                    _config.MainCfPath);
            }
        }

        for (var index = 0; index < _masterScopes.Count; index++)
        {
            if (_masterScopes[index] is not { } scope)
            {
                continue;
            }

            foreach (var (name, value) in scope)
            {
                if (!_table.ContainsKey(name) && !_masterValid[index]!.Contains(name))
                {
                    yield return new ConfigMessage(
                        DiagnosticSeverity.Warning,
                        $"{ConfigDirectory}/{MasterCfName}: unused parameter: {name}={value}",
                        _config.MasterCfPath);
                }
            }
        }
    }

    // src/postconf/postconf_lookup.c pcf_lookup_parameter_value() for expansion: local scope, then main.cf,
    // then the default; with -d only the default.
    private string? Lookup(string name, int? scopeIndex)
    {
        if (!_defaultsOnly)
        {
            if (scopeIndex is { } index)
            {
                var service = _config.Services[index];
                if (name == "process_name")
                {
                    return service.Command;
                }

                if (name == "service_name")
                {
                    return service.Name;
                }

                if (_masterScopes[index] is { } scope && scope.TryGetValue(name, out var local))
                {
                    return local;
                }
            }

            if (_main.TryGetValue(name, out var value))
            {
                return value;
            }
        }

        return _table.TryGetValue(name, out var node) ? node.DefaultValue() : null;
    }

    // src/postconf/postconf_lookup.c pcf_expand_parameter_value(): recursive; a syntax error is fatal.
    private string Expand(string value, int? scopeIndex)
    {
        var result = new MacroExpander(name => Lookup(name, scopeIndex)).Expand(value);
        return TakeResult(result, MacroExpander.PostconfFailureText);
    }

    // src/util/dict.c dict_eval() over one name space only (mail_conf_lookup_eval() uses main.cf this way).
    private string EvaluateInDictionary(string value, Dictionary<string, string> dictionary)
    {
        var result = new MacroExpander(name => dictionary.TryGetValue(name, out var v) ? v : null).Expand(value);
        var dictionaryName = ReferenceEquals(dictionary, _main) ? "mail_dict" : "master";
        return TakeResult(result, $"dictionary {dictionaryName}: {MacroExpander.PostconfFailureText}");
    }

    // Keeps the warnings of an expansion; on failure unwinds with the caller's fatal text, unless the expansion
    // itself died first (e.g. a numeric conversion), in which case that is the fatal message.
    private string TakeResult(MacroResult result, string failureText)
    {
        foreach (var message in result.Messages)
        {
            if (message.Severity != DiagnosticSeverity.Fatal)
            {
                _messages.Add(new ConfigMessage(message.Severity, message.Text));
            }
        }

        if (result.Failed)
        {
            var fatal = result.Messages.LastOrDefault(m => m.Severity == DiagnosticSeverity.Fatal);
            throw new PostconfFatalException(
                fatal.Text is { } text && text != MacroExpander.PostconfFailureText ? text : failureText);
        }

        return result.Value;
    }

    private string? EvaluateMainValue(string name) =>
        _main.TryGetValue(name, out var value) ? EvaluateInDictionary(value, _main) : null;

    // src/postconf/postconf_builtin.c pcf_check_myhostname()
    private string ComputedHostName()
    {
        if (_computedHostName is null)
        {
            var name = _config.Host.HostName;
            if (!name.Contains('.'))
            {
                name = name + "." + (EvaluateMainValue("mydomain") ?? "localdomain");
            }

            _computedHostName = name;
        }

        return _computedHostName;
    }

    // src/postconf/postconf_builtin.c pcf_check_mydomainname()
    private string ComputedDomain()
    {
        if (_computedDomain is null)
        {
            var hostName = EvaluateMainValue("myhostname") ?? ComputedHostName();
            var dot = hostName.IndexOf('.');
            _computedDomain = dot < 0 ? "localdomain" : hostName[(dot + 1)..];
        }

        return _computedDomain;
    }

    // src/postconf/postconf_builtin.c pcf_mynetworks(): the inputs come from main.cf (evaluated in main.cf
    // alone) or else from their expanded defaults; -d uses the defaults only.
    private string ComputedNetworks()
    {
        if (_computedNetworks is null)
        {
            string Input(string name) =>
                (_defaultsOnly ? null : EvaluateMainValue(name))
                ?? Expand(_catalog.TryGetDefault(name, out var d) ? d : string.Empty, null);

            var interfaces = Input("inet_interfaces");
            var style = Input("mynetworks_style");
            var protocols = Input("inet_protocols");
            var computed = ComputedDefaults.Mynetworks(_config.Host, style, interfaces, protocols);
            _computedNetworks = computed.FatalMessage is { } fatal ? throw new PostconfFatalException(fatal) : computed.Value!;

            // src/global/mynetworks.c writes every network followed by a space; the trailing one survives where
            // $mynetworks is expanded inside another value.
            if (_computedNetworks.Length > 0 && !_computedNetworks.EndsWith(' '))
            {
                _computedNetworks += " ";
            }
        }

        return _computedNetworks;
    }

    private static IEnumerable<string> SplitCommaSpace(string value) =>
        value.Split([',', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private void AddWarning(string text) => _messages.Add(new ConfigMessage(DiagnosticSeverity.Warning, text));

    private void AddFatal(string text)
    {
        Failed = true;
        _messages.Add(new ConfigMessage(DiagnosticSeverity.Fatal, text));
    }
}
