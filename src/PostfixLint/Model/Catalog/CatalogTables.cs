namespace PostfixLint.Model.Catalog;

/// <summary>Parses the embedded postconf-3.7.11-tables.txt (kinds, legacy, service and DBMS names from the source).</summary>
/// <remarks>Loaded separately from <see cref="CatalogData"/>, on first use, because a plain lint run rarely needs it.</remarks>
internal sealed class CatalogTables
{
    private CatalogTables(
        ParameterKind[] kinds,
        string[] legacyNames,
        (string Suffix, string Parameter)[] pipeServiceSuffixes,
        (string Suffix, string Parameter)[] spawnServiceSuffixes,
        Dictionary<string, string[]> databaseSuffixes)
    {
        Kinds = kinds;
        LegacyNames = legacyNames;
        PipeServiceSuffixes = pipeServiceSuffixes;
        SpawnServiceSuffixes = spawnServiceSuffixes;
        DatabaseSuffixes = databaseSuffixes;
    }

    /// <summary>Kinds parallel to <see cref="CatalogData.NameArray"/>.</summary>
    public ParameterKind[] Kinds { get; }

    /// <summary>pcf_legacy_str_table, sorted ordinally.</summary>
    public string[] LegacyNames { get; }

    /// <summary>pipe_params in src/postconf/postconf_service.c: (suffix, default parameter), sorted by suffix.</summary>
    public (string Suffix, string Parameter)[] PipeServiceSuffixes { get; }

    /// <summary>spawn_params in src/postconf/postconf_service.c.</summary>
    public (string Suffix, string Parameter)[] SpawnServiceSuffixes { get; }

    /// <summary>Legacy DBMS suffixes per table type (ldap, memcache, mysql, pgsql, sqlite).</summary>
    public Dictionary<string, string[]> DatabaseSuffixes { get; }

    public static CatalogTables Load(string[] names)
    {
        var text = CatalogData.ReadResource("PostfixLint.Model.Catalog.postconf-3.7.11-tables.txt");
        var kinds = new ParameterKind[names.Length];
        var legacy = new List<string>();
        var pipe = new List<(string, string)>();
        var spawn = new List<(string, string)>();
        var dbms = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var start = 0;
        while (CatalogData.NextLine(text, ref start, out var line))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(' ');
            switch (fields[0])
            {
                case "legacy":
                    legacy.Add(fields[1]);
                    break;
                case "service:pipe":
                    pipe.Add((fields[1], fields[2]));
                    break;
                case "service:spawn":
                    spawn.Add((fields[1], fields[2]));
                    break;
                case var table when table.StartsWith("dbms:", StringComparison.Ordinal):
                    var type = table["dbms:".Length..];
                    if (!dbms.TryGetValue(type, out var list))
                    {
                        dbms[type] = list = [];
                    }

                    list.Add(fields[1]);
                    break;
                default:
                    var index = CatalogData.Find(names, fields[1]);
                    if (index >= 0)
                    {
                        kinds[index] = ToKind(fields[0]);
                    }

                    break;
            }
        }

        var legacyArray = legacy.ToArray();
        Array.Sort(legacyArray, StringComparer.Ordinal);
        var databaseSuffixes = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (type, suffixes) in dbms)
        {
            databaseSuffixes[type] = [.. suffixes];
        }

        return new CatalogTables(kinds, legacyArray, [.. pipe], [.. spawn], databaseSuffixes);
    }

    private static ParameterKind ToKind(string table) => table switch
    {
        "bool" => ParameterKind.Boolean,
        "nbool" => ParameterKind.BooleanExpression,
        "int" => ParameterKind.Integer,
        "nint" => ParameterKind.IntegerExpression,
        "long" => ParameterKind.Long,
        "time" => ParameterKind.Time,
        "str" => ParameterKind.String,
        "str_fn" => ParameterKind.ComputedString,
        "raw" => ParameterKind.Raw,
        "adhoc" => ParameterKind.ReadOnly,
        _ => ParameterKind.Unknown,
    };
}
