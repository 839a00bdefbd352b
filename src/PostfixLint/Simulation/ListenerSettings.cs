using System.Collections.Concurrent;
using System.Collections.Immutable;
using PostfixLint.Model;
using PostfixLint.Model.Values;

namespace PostfixLint.Simulation;

/// <summary>
/// The parameter values one smtpd listener runs with: main.cf, then that master.cf service's <c>-o</c> overrides,
/// expanded as a daemon expands them (<c>$name</c> references see the overridden values too).
/// </summary>
/// <remarks>Expanded values and split lists are memoized per parameter (bounded by the parameter names); safe under concurrent readers.</remarks>
internal sealed class ListenerSettings
{
    private readonly PostfixConfig _config;
    private readonly Dictionary<string, ParameterDefinition> _overrides = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _expanded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableArray<string>> _lists = new(StringComparer.Ordinal);
    private readonly MacroExpander _expander;

    public ListenerSettings(PostfixConfig config, MasterService? service)
    {
        _config = config;
        Service = service;
        if (service is not null)
        {
            foreach (var definition in service.Overrides)
            {
                _overrides[definition.Name] = definition;
            }
        }

        _expander = new MacroExpander(Raw);
    }

    public MasterService? Service { get; }

    public PostfixConfig Config => _config;

    /// <summary>The unexpanded value: the service override, else main.cf, else the default.</summary>
    public string? Raw(string name) =>
        _overrides.TryGetValue(name, out var definition) ? definition.Value : _config.GetParameter(name)?.Value;

    /// <summary>The expanded value, empty when the parameter is unknown.</summary>
    public string Get(string name) =>
        _expanded.TryGetValue(name, out var cached) ? cached : _expanded.GetOrAdd(name, n => Raw(n) is { } raw ? _expander.Expand(raw).Value : "");

    /// <summary>The expanded value split as a Postfix list (mystrtokq), cached: the listener's settings do not change.</summary>
    public ImmutableArray<string> GetList(string name) =>
        _lists.TryGetValue(name, out var list) ? list : _lists.GetOrAdd(name, n => [.. PostfixList.Split(Get(n)).Select(e => e.Text)]);

    /// <summary>The master.cf <c>-o</c> override of <paramref name="name"/> for this listener, or null.</summary>
    public ParameterDefinition? Override(string name) => _overrides.GetValueOrDefault(name);

    public bool GetBool(string name) => PostfixBoolean.TryParse(Get(name), out var result) && result;

    public int GetInt(string name, int fallback) => PostfixInteger.TryParse(Get(name), out var result) ? result : fallback;

    public bool IsExplicit(string name) => _overrides.ContainsKey(name) || _config.ExplicitParameters.ContainsKey(name);

    /// <summary>Where the value comes from, as <c>file:line</c>, or <c>default</c>.</summary>
    public string Origin(string name)
    {
        if (_overrides.TryGetValue(name, out var definition))
        {
            return $"{definition.Provenance.File}:{definition.Provenance.Line} (-o {name})";
        }

        var parameter = _config.GetParameter(name);
        return parameter?.Provenance.ToString() ?? "default";
    }

    /// <summary>The value written for the trace: <c>name = value</c> with its origin.</summary>
    public string Describe(string name) => $"{name} = {Get(name)} ({Origin(name)})";
}
