namespace PostfixLint.Model.Postconf;

/// <summary>
/// The local name spaces of master.cf: per service, its <c>-o name=value</c> settings (null when it has none) and
/// the names postconf found used there (src/postconf/postconf_user.c, <c>pcf_register_user_parameters()</c>).
/// </summary>
internal sealed class MasterScopes
{
    private readonly List<Dictionary<string, string>?> _scopes = [];
    private readonly List<HashSet<string>?> _valid = [];

    /// <summary>The number of services (one scope each, in master.cf order).</summary>
    public int Count => _scopes.Count;

    /// <summary>Adds the scope of the next service.</summary>
    public void Add(MasterService service)
    {
        if (service.Overrides.IsEmpty)
        {
            _scopes.Add(null);
            _valid.Add(null);
            return;
        }

        var scope = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in service.Overrides)
        {
            scope[definition.Name] = definition.Value;
        }

        _scopes.Add(scope);
        _valid.Add(new HashSet<string>(StringComparer.Ordinal));
    }

    /// <summary>The <c>-o</c> settings of service <paramref name="index"/>, or null when it has none.</summary>
    public Dictionary<string, string>? Scope(int index) => index < _scopes.Count ? _scopes[index] : null;

    /// <summary>True when service <paramref name="index"/> sets <paramref name="name"/> with <c>-o</c>.</summary>
    public bool Defines(int index, string name) => Scope(index) is { } scope && scope.ContainsKey(name);

    /// <summary>Records that <paramref name="name"/> is used in the scope of service <paramref name="index"/>.</summary>
    public void MarkUsed(int index, string name) => _valid[index]!.Add(name);

    /// <summary>True when <paramref name="name"/> was found used in the scope of service <paramref name="index"/>.</summary>
    public bool IsUsed(int index, string name) => _valid[index] is { } valid && valid.Contains(name);
}
