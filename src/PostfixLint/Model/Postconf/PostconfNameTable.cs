using PostfixLint.Model.Catalog;

namespace PostfixLint.Model.Postconf;

/// <summary>
/// postconf's parameter name table (src/postconf/postconf_node.c): every name it knows, with its class, flags and
/// default. Built-in and service-defined names are registered here; user-defined and database-client names are
/// added by <see cref="UserParameterScanner"/> and <see cref="DatabaseClientScanner"/>.
/// </summary>
/// <remarks>Written only while the engine is set up; read-only afterwards, so concurrent readers are safe.</remarks>
internal sealed class PostconfNameTable
{
    private readonly Dictionary<string, PostconfNode> _nodes = new(StringComparer.Ordinal);

    /// <summary>True when postconf knows <paramref name="name"/>.</summary>
    public bool Contains(string name) => _nodes.ContainsKey(name);

    /// <summary>The node of <paramref name="name"/>, when postconf knows it.</summary>
    public bool TryGet(string name, out PostconfNode node) => _nodes.TryGetValue(name, out node!);

    /// <summary>Adds <paramref name="name"/> unless postconf already knows it.</summary>
    public void AddIfMissing(string name, PostconfNodeFlags flags, Func<string> defaultValue) =>
        _nodes.TryAdd(name, new PostconfNode(flags, defaultValue));

    /// <summary>The names postconf prints without arguments, in byte order.</summary>
    public IEnumerable<string> ListedNames() =>
        _nodes.Where(pair => pair.Value.IsListed).Select(pair => pair.Key).Order(StringComparer.Ordinal);

    /// <summary>A snapshot of every name and node, for scans that add names while they walk.</summary>
    public List<KeyValuePair<string, PostconfNode>> Snapshot() => [.. _nodes];

    /// <summary>The name class of <paramref name="name"/> as postconf sees it.</summary>
    public ParameterClass ClassOf(string name)
    {
        if (!_nodes.TryGetValue(name, out var node))
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

    /// <summary>Registers the built-in and legacy names of <paramref name="catalog"/> (src/postconf/postconf_builtin.c).</summary>
    /// <param name="catalog">The names and defaults of this Postfix version.</param>
    /// <param name="defaultOf">The default of a built-in name, computed on first use where it depends on the host.</param>
    public void RegisterBuiltIns(ParameterCatalog catalog, Func<string, Func<string>> defaultOf)
    {
        foreach (var name in catalog.Names)
        {
            var flags = PostconfNodeFlags.BuiltIn;
            if (catalog.IsRaw(name))
            {
                flags |= PostconfNodeFlags.Raw;
            }

            if (catalog.IsReadOnly(name))
            {
                flags |= PostconfNodeFlags.ReadOnly;
            }

            _nodes[name] = new PostconfNode(flags, defaultOf(name));
        }

        foreach (var name in catalog.LegacyNames)
        {
            // Legacy names have empty defaults (src/postconf/postconf_builtin.c pcf_legacy_str_table).
            AddIfMissing(name, PostconfNodeFlags.Legacy, static () => string.Empty);
        }
    }

    /// <summary>Registers the names the master.cf services define, such as <c>&lt;service&gt;_time_limit</c> (src/postconf/postconf_service.c).</summary>
    public void RegisterServices(ParameterCatalog catalog, IEnumerable<MasterService> services)
    {
        foreach (var service in services)
        {
            foreach (var (name, defaultValue) in catalog.ServiceDefinedParameters(service.Name, service.Command))
            {
                if (_nodes.TryGetValue(name, out var existing))
                {
                    existing.OverrideClass(PostconfNodeFlags.Service);
                }
                else
                {
                    _nodes[name] = new PostconfNode(PostconfNodeFlags.Service, () => defaultValue);
                }
            }
        }
    }
}
