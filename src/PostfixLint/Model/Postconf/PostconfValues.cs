using PostfixLint.Diagnostics;
using PostfixLint.Model.Catalog;
using PostfixLint.Model.Values;

namespace PostfixLint.Model.Postconf;

/// <summary>
/// Looks up and expands values as postconf does (src/postconf/postconf_lookup.c), and computes the defaults that
/// depend on the host (src/postconf/postconf_builtin.c): <c>myhostname</c>, <c>mydomain</c>, <c>mynetworks</c>.
/// </summary>
/// <remarks>
/// The computed defaults are filled on first use and add messages; callers hold the engine's lock, so they are
/// computed once and never seen half-done.
/// </remarks>
internal sealed class PostconfValues(PostconfState state)
{
    private string? _computedHostName;
    private string? _computedDomain;
    private string? _computedNetworks;
    private bool _computingNetworks;

    // One expander per name space (main.cf, each service's scope), so what passed the expansion limit is remembered.
    private readonly Dictionary<int, MacroExpander> _expanders = [];
    private readonly Dictionary<Dictionary<string, string>, MacroExpander> _dictionaryExpanders = new(ReferenceEqualityComparer.Instance);

    /// <summary>The default of the built-in <paramref name="name"/>, as a function evaluated on first use.</summary>
    public Func<string> BuiltInDefault(string name) => name switch
    {
        "myhostname" => ComputedHostName,
        "mydomain" => ComputedDomain,
        "mynetworks" => ComputedNetworks,
        "process_name" => static () => ComputedDefaults.PostconfProcessName,
        "process_id" => () => ComputedDefaults.ProcessId(state.Config.Host),
        "service_name" => static () => string.Empty,
        _ => state.Catalog.TryGetDefault(name, out var value) ? () => value : static () => string.Empty,
    };

    /// <summary>
    /// pcf_lookup_parameter_value() for expansion: the local scope of service <paramref name="scopeIndex"/>, then
    /// main.cf, then the default; with <c>-d</c> only the default.
    /// </summary>
    public string? Lookup(string name, int? scopeIndex)
    {
        if (!state.DefaultsOnly)
        {
            if (scopeIndex is { } index)
            {
                var service = state.Config.Services[index];
                if (name == "process_name")
                {
                    return service.Command;
                }

                if (name == "service_name")
                {
                    return service.Name;
                }

                if (state.Scopes.Scope(index) is { } scope && scope.TryGetValue(name, out var local))
                {
                    return local;
                }
            }

            if (state.Main.TryGetValue(name, out var value))
            {
                return value;
            }
        }

        return state.Names.TryGet(name, out var node) ? node.DefaultValue() : null;
    }

    /// <summary>pcf_expand_parameter_value(): recursive; a syntax error is fatal (<see cref="PostconfFatalException"/>).</summary>
    public string Expand(string value, int? scopeIndex)
    {
        var key = scopeIndex ?? -1;
        if (!_expanders.TryGetValue(key, out var expander))
        {
            _expanders[key] = expander = new MacroExpander(name => Lookup(name, scopeIndex));
        }

        return TakeResult(expander.Expand(value), MacroExpander.PostconfFailureText);
    }

    /// <summary>dict_eval() over one name space only (mail_conf_lookup_eval() uses main.cf this way).</summary>
    public string EvaluateInDictionary(string value, Dictionary<string, string> dictionary)
    {
        if (!_dictionaryExpanders.TryGetValue(dictionary, out var expander))
        {
            _dictionaryExpanders[dictionary] = expander = new MacroExpander(name => dictionary.TryGetValue(name, out var v) ? v : null);
        }

        var result = expander.Expand(value);
        var dictionaryName = ReferenceEquals(dictionary, state.Main) ? "mail_dict" : "master";
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
                state.Messages.Add(message);
            }
        }

        if (result.Failed)
        {
            var fatal = result.Messages.LastOrDefault(m => m.Severity == DiagnosticSeverity.Fatal);
            throw new PostconfFatalException(
                DiagnosticIds.MacroExpansionFailed,
                fatal?.Message is { } text && text != MacroExpander.PostconfFailureText ? text : failureText,
                ownLimit: result.LimitHit);
        }

        return result.Value;
    }

    private string? EvaluateMainValue(string name) =>
        state.Main.TryGetValue(name, out var value) ? EvaluateInDictionary(value, state.Main) : null;

    // src/postconf/postconf_builtin.c pcf_check_myhostname()
    private string ComputedHostName()
    {
        if (_computedHostName is null)
        {
            var name = state.Config.Host.HostName;
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
        if (_computedNetworks is null && _computingNetworks)
        {
            // The inputs name $mynetworks themselves, through a default (mynetworks_style's default compares
            // $compatibility_level, which main.cf may set to something naming $mynetworks). pcf_mynetworks() then calls
            // itself until the stack runs out: real postconf dies of SIGSEGV. Say so instead of doing the same.
            throw new PostconfFatalException(
                DiagnosticIds.ComputedDefaultFailed,
                "the default value of mynetworks depends on itself (through inet_interfaces, mynetworks_style or inet_protocols): "
                + "Postfix recurses until it crashes (SIGSEGV)");
        }

        if (_computedNetworks is null)
        {
            _computingNetworks = true;
            try
            {
                _computedNetworks = ComputeNetworks();
            }
            finally
            {
                _computingNetworks = false;
            }
        }

        return _computedNetworks;
    }

    private string ComputeNetworks()
    {
        string Input(string name) =>
            (state.DefaultsOnly ? null : EvaluateMainValue(name))
            ?? Expand(state.Catalog.TryGetDefault(name, out var d) ? d : string.Empty, null);

        var interfaces = Input("inet_interfaces");
        var style = Input("mynetworks_style");
        var protocols = Input("inet_protocols");
        var computed = ComputedDefaults.Mynetworks(state.Config.Host, style, interfaces, protocols);
        var networks = computed.FatalMessage is { } fatal
            ? throw new PostconfFatalException(DiagnosticIds.ComputedDefaultFailed, fatal)
            : computed.Value!;

        // src/global/mynetworks.c writes every network followed by a space; the trailing one survives where
        // $mynetworks is expanded inside another value.
        if (networks.Length > 0 && !networks.EndsWith(' '))
        {
            networks += " ";
        }

        return networks;
    }
}
