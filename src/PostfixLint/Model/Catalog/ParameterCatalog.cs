using System.Collections.Immutable;

namespace PostfixLint.Model.Catalog;

/// <summary>The built-in parameters of one Postfix release, their defaults, kinds and the dynamic names postconf accepts.</summary>
/// <remarks>
/// The data is <c>postconf -c EMPTYDIR -d</c> of Postfix 3.7.11 plus tables taken from its source, embedded in the
/// library and parsed on first use (see scripts/regenerate-catalog.sh).
/// </remarks>
public sealed class ParameterCatalog
{
    private static readonly Lazy<ParameterCatalog> s_postfix37 = new(() => new ParameterCatalog(CatalogData.Load()));

    // src/postconf/postconf_service.c: the commands (master.cf field 8, first word) that get service parameters.
    private static readonly ImmutableArray<string> s_deliveryCommands = ["error", "lmtp", "local", "smtp", "virtual"];

    private const string TimeLimitSuffix = "_time_limit";

    private readonly CatalogData _data;
    private readonly Lazy<CatalogTables> _tables;

    private ParameterCatalog(CatalogData data)
    {
        _data = data;
        _tables = new Lazy<CatalogTables>(() => CatalogTables.Load(data.NameArray));
    }

    /// <summary>The catalogue of Postfix 3.7.11 (Debian 12 build).</summary>
    public static ParameterCatalog Postfix37 => s_postfix37.Value;

    /// <summary>The release this catalogue describes.</summary>
    public string MailVersion => "3.7.11";

    /// <summary>All built-in names postconf lists with an empty master.cf, in byte order as postconf sorts them.</summary>
    public ImmutableArray<string> Names => _data.Names;

    /// <summary>Legacy names postconf accepts silently but does not list (pcf_legacy_str_table), in byte order.</summary>
    public ImmutableArray<string> LegacyNames => [.. _tables.Value.LegacyNames];

    /// <summary>Whether <paramref name="name"/> is a built-in parameter (one of <see cref="Names"/>).</summary>
    public bool IsBuiltIn(string name) => IndexOf(name) >= 0;

    /// <summary>Whether postconf knows <paramref name="name"/> without any main.cf or master.cf context: built-in or legacy.</summary>
    public bool IsKnown(string name) => IsBuiltIn(name) || IsLegacy(name);

    /// <summary>Gets the default as <c>postconf -d</c> prints it, unexpanded (e.g. <c>$myhostname</c>).</summary>
    /// <remarks>
    /// Returns <see langword="false"/> for unknown names and for the machine-dependent defaults
    /// (<see cref="IsComputed"/>), which come from <see cref="ComputedDefaults"/>. Legacy names default to the empty string.
    /// </remarks>
    public bool TryGetDefault(string name, out string rawDefault)
    {
        var index = IndexOf(name);
        if (index >= 0 && _data.Defaults[index] is { } value)
        {
            rawDefault = value;
            return true;
        }

        // pcf_legacy_str_table gives every legacy name the default "" (`postconf -d virtual_maps` prints "virtual_maps =").
        rawDefault = string.Empty;
        return index < 0 && IsLegacy(name);
    }

    /// <summary>Whether the default of <paramref name="name"/> depends on the machine or process (see <see cref="ComputedDefaults"/>).</summary>
    public bool IsComputed(string name)
    {
        var index = IndexOf(name);
        return index >= 0 && _data.Defaults[index] is null;
    }

    /// <summary>Whether <paramref name="name"/> is a raw parameter: neither daemons nor <c>postconf -x</c> expand <c>$name</c> in it.</summary>
    public bool IsRaw(string name) => GetKind(name) == ParameterKind.Raw;

    /// <summary>Whether <paramref name="name"/> is read-only (process_name, process_id, service_name); postconf drops main.cf assignments to it.</summary>
    public bool IsReadOnly(string name) => GetKind(name) == ParameterKind.ReadOnly;

    /// <summary>Whether <paramref name="name"/> is a legacy name: accepted silently, printed only when set, not listed by <c>postconf -d</c>.</summary>
    public bool IsLegacy(string name) => CatalogData.Find(_tables.Value.LegacyNames, name) >= 0;

    /// <summary>The kind of a built-in parameter, from the postconf table that defines it; <see cref="ParameterKind.Unknown"/> otherwise.</summary>
    public ParameterKind GetKind(string name)
    {
        var index = IndexOf(name);
        return index >= 0 ? _tables.Value.Kinds[index] : ParameterKind.Unknown;
    }

    /// <summary>The parameters postconf adds for one master.cf service, with their defaults as <c>postconf -d</c> prints them.</summary>
    /// <param name="serviceName">The service name (master.cf field 1), e.g. <c>relay</c>.</param>
    /// <param name="command">The command name (first word of master.cf field 8), e.g. <c>smtp</c> or <c>pipe</c>.</param>
    /// <remarks>
    /// src/postconf/postconf_service.c: local, error, virtual, smtp and lmtp get the per-transport limits, pipe also
    /// <c>_time_limit</c>, spawn only <c>_time_limit</c>; the command must match exactly (a path does not). Each default
    /// is <c>$</c> + the global parameter, except where the name is already built-in (local_destination_concurrency_limit
    /// keeps <c>2</c>). Results are in byte order of the name.
    /// </remarks>
    public IEnumerable<(string Name, string Default)> ServiceDefinedParameters(string serviceName, string command)
    {
        ArgumentNullException.ThrowIfNull(serviceName);
        ArgumentNullException.ThrowIfNull(command);

        IEnumerable<(string Suffix, string Parameter)> suffixes = command switch
        {
            "pipe" => _tables.Value.PipeServiceSuffixes,
            "spawn" => _tables.Value.SpawnServiceSuffixes,
            _ when s_deliveryCommands.Contains(command) =>
                _tables.Value.PipeServiceSuffixes.Where(s => s.Suffix != TimeLimitSuffix),
            _ => [],
        };

        return suffixes
            .Select(s =>
            {
                var name = serviceName + s.Suffix;
                var index = IndexOf(name);
                return (name, index >= 0 && _data.Defaults[index] is { } builtIn ? builtIn : "$" + s.Parameter);
            })
            .OrderBy(p => p.name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The database types whose legacy <c>type:name</c> form defines <c>name_suffix</c> parameters in main.cf.</summary>
    public IEnumerable<string> DatabaseTypes => _tables.Value.DatabaseSuffixes.Keys.Order(StringComparer.Ordinal);

    /// <summary>The parameter suffixes a legacy table of <paramref name="databaseType"/> reads (e.g. <c>server_host</c> for ldap).</summary>
    public ImmutableArray<string> DatabaseSuffixes(string databaseType) =>
        _tables.Value.DatabaseSuffixes.TryGetValue(databaseType, out var suffixes) ? [.. suffixes] : [];

    /// <summary>The <c>prefix_suffix</c> names that a map reference such as <c>ldap:ldapsource</c> makes valid in main.cf.</summary>
    /// <param name="mapReference">One map reference from a parameter value; <c>proxy:</c> prefixes are skipped like postconf does.</param>
    /// <remarks>
    /// src/postconf/postconf_dbms.c pcf_register_dbms_helper(): only ldap, memcache, mysql, pgsql and sqlite; a name that is an
    /// absolute path (a client configuration file) or starts with <c>.</c> defines no main.cf names.
    /// </remarks>
    public IEnumerable<string> DatabaseParameterNames(string mapReference)
    {
        ArgumentNullException.ThrowIfNull(mapReference);
        var type = mapReference;
        string? prefix;
        while (true)
        {
            var colon = type.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return [];
            }

            prefix = type[(colon + 1)..];
            type = type[..colon];
            if (type != "proxy")
            {
                break;
            }

            type = prefix;
        }

        if (prefix.Length == 0 || prefix[0] is '/' or '.' or '{' || !_tables.Value.DatabaseSuffixes.TryGetValue(type, out var suffixes))
        {
            return [];
        }

        return suffixes.Select(s => prefix + "_" + s);
    }

    /// <summary>Whether <paramref name="name"/> is a legacy database parameter of one of the <paramref name="mapReferences"/>.</summary>
    /// <param name="name">A main.cf parameter name, e.g. <c>ldapsource_server_host</c>.</param>
    /// <param name="mapReferences">The map references found in main.cf/master.cf values (after <c>$name</c> expansion), e.g. <c>ldap:ldapsource</c>.</param>
    public bool IsDatabaseParameter(string name, IEnumerable<string> mapReferences)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(mapReferences);
        return mapReferences.Any(r => DatabaseParameterNames(r).Contains(name, StringComparer.Ordinal));
    }

    /// <summary>Up to three built-in names that <paramref name="unknownName"/> probably misspells, best first.</summary>
    public ImmutableArray<string> Suggest(string unknownName)
    {
        ArgumentNullException.ThrowIfNull(unknownName);
        return ParameterSuggester.Suggest(unknownName, _data.Names);
    }

    private int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return CatalogData.Find(_data.NameArray, name);
    }
}
