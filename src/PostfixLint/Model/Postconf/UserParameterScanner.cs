using PostfixLint.Diagnostics;
using PostfixLint.Model.Values;
using PostfixLint.Syntax;

namespace PostfixLint.Model.Postconf;

/// <summary>
/// Finds the user-defined names postconf knows by scanning values for <c>$name</c> references and restriction
/// classes, and warns about undefined and read-only ones (src/postconf/postconf_user.c).
/// </summary>
internal sealed class UserParameterScanner
{
    private readonly PostconfState _state;
    private readonly PostconfValues _values;
    private readonly DatabaseClientScanner _databaseClients;
    private readonly HashSet<string> _restrictionClasses = new(StringComparer.Ordinal);

    public UserParameterScanner(PostconfState state, PostconfValues values)
    {
        _state = state;
        _values = values;
        _databaseClients = new DatabaseClientScanner(
            state,
            (name, scopeIndex) => FlagUserParameter(name, PostconfNodeFlags.Database | PostconfNodeFlags.User, scopeIndex, null, null));
    }

    // src/postconf/postconf_user.c pcf_register_user_parameters()
    public void RegisterUserParameters()
    {
        foreach (var service in _state.Config.Services)
        {
            _state.Scopes.Add(service);
        }

        for (var index = 0; index < _state.Scopes.Count; index++)
        {
            if (_state.Scopes.Scope(index) is not null)
            {
                ScanNamespace(index);
            }
        }

        // Defaults can name obsolete parameters ($virtual_maps in virtual_alias_maps): scanning them keeps an
        // explicit setting of such a name from being reported unused.
        foreach (var (name, node) in _state.Names.Snapshot())
        {
            if ((node.Flags & PostconfNodeFlags.Raw) != 0 || _state.Main.ContainsKey(name))
            {
                continue;
            }

            string value;
            try
            {
                value = node.DefaultValue();
            }
            catch (PostconfFatalException fatal) when (fatal.OwnLimit)
            {
                // A computed default (mydomain from a doubling myhostname) stopped at our limit.
                NoteOwnLimit(fatal);
                continue;
            }

            ScanValue(value, PostconfNodeFlags.User, null, null);
        }

        ScanNamespace(null);
    }

    // src/postconf/postconf_user.c pcf_scan_user_parameter_namespace()
    private void ScanNamespace(int? scopeIndex)
    {
        var dictionary = scopeIndex is { } i ? _state.Scopes.Scope(i)! : _state.Main;
        if (dictionary.TryGetValue("smtpd_restriction_classes", out var classes))
        {
            var evaluated = _values.EvaluateInDictionary(classes, dictionary);
            foreach (var className in SplitCommaSpace(evaluated))
            {
                if (scopeIndex is null)
                {
                    _restrictionClasses.Add(className);
                }

                FlagUserParameter(className, PostconfNodeFlags.User, scopeIndex, "smtpd_restriction_classes", null);
            }
        }

        foreach (var (name, value) in dictionary.ToList())
        {
            if (dictionary.ContainsKey(name))
            {
                ScanDefinition(dictionary, name, value, scopeIndex);
            }
        }
    }

    private void ScanDefinition(Dictionary<string, string> dictionary, string name, string value, int? scopeIndex)
    {
        if (scopeIndex is { } local && _restrictionClasses.Contains(name))
        {
            _state.Scopes.MarkUsed(local, name);
        }

        var known = _state.Names.TryGet(name, out var node);
        if (known)
        {
            if ((node.Flags & PostconfNodeFlags.ReadOnly) != 0)
            {
                var (path, span) = _state.Locate(scopeIndex, name);
                _state.Messages.Warn(
                    DiagnosticIds.ReadOnlyParameter,
                    $"{_state.ConfigDirectory}/{PostconfState.SourceName(scopeIndex)}: read-only parameter assignment: {name}={value}",
                    path,
                    span);
                dictionary.Remove(name);
                return;
            }

            if ((node.Flags & PostconfNodeFlags.Legacy) != 0)
            {
                node.OverrideClass(PostconfNodeFlags.User);
            }

            if ((node.Flags & PostconfNodeFlags.Raw) != 0)
            {
                return;
            }
        }

        ScanValue(value, PostconfNodeFlags.User, scopeIndex, name);
        if (known && (node.Flags & (PostconfNodeFlags.BuiltIn | PostconfNodeFlags.Service)) != 0)
        {
            // Without '$' the value expands to itself (and cannot fail); without ':' it names no table.
            string expanded;
            try
            {
                expanded = value.Contains('$') ? _values.Expand(value, scopeIndex) : value;
            }
            catch (PostconfFatalException fatal) when (fatal.OwnLimit)
            {
                // Not Postfix: our limit stops only what needs the expanded value; the scan goes on (see PostconfEngine.Create).
                NoteOwnLimit(fatal);
                return;
            }

            if (expanded.Contains(':'))
            {
                _databaseClients.RegisterDatabaseParameters(expanded, scopeIndex, name);
            }
        }
    }

    private void NoteOwnLimit(PostconfFatalException fatal) =>
        _state.OwnLimitFatal ??= new Diagnostic(fatal.Id, DiagnosticSeverity.Fatal, null, null, fatal.Message);

    // The value of `site` (null: a default) is scanned for $name references.
    private void ScanValue(string value, PostconfNodeFlags parameterClass, int? scopeIndex, string? site)
    {
        // Without a '$' there is neither a reference nor a macro syntax error to find; most defaults are such.
        if (!value.Contains('$'))
        {
            return;
        }

        var scan = MacroReferences.Scan(value);
        if (!scan.Messages.IsEmpty)
        {
            var (path, span) = _state.Locate(scopeIndex, site);
            foreach (var message in scan.Messages)
            {
                _state.Messages.Add(message with { Path = path, Span = span });
            }
        }

        foreach (var reference in scan.References)
        {
            FlagUserParameter(reference.Name, parameterClass, scopeIndex, site, reference.Span);
        }
    }

    // src/postconf/postconf_user.c pcf_flag_user_parameter()
    private void FlagUserParameter(string name, PostconfNodeFlags parameterClass, int? scopeIndex, string? site, TextSpan? referenceSpan)
    {
        var userSupplied = false;
        if (scopeIndex is { } local && _state.Scopes.Defines(local, name))
        {
            userSupplied = true;
            _state.Scopes.MarkUsed(local, name);
        }
        else if (_state.Main.ContainsKey(name))
        {
            userSupplied = true;
            _state.Names.AddIfMissing(name, parameterClass, static () => string.Empty);
        }

        if (scopeIndex is null)
        {
            for (var index = 0; index < _state.Scopes.Count; index++)
            {
                if (_state.Scopes.Defines(index, name))
                {
                    userSupplied = true;
                    _state.Scopes.MarkUsed(index, name);
                }
            }
        }

        if (!userSupplied && (parameterClass & PostconfNodeFlags.Database) == 0 && !_state.Names.Contains(name))
        {
            var (path, span) = _state.Locate(scopeIndex, site, referenceSpan);
            _state.Messages.Warn(
                DiagnosticIds.UndefinedParameter,
                $"{_state.ConfigDirectory}/{PostconfState.SourceName(scopeIndex)}: undefined parameter: {name}",
                path,
                span);
        }
    }

    private static IEnumerable<string> SplitCommaSpace(string value) =>
        value.Split([',', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
