using System.Collections.Immutable;

namespace PostfixLint.Model.Catalog;

/// <summary>Parses the embedded postconf-3.7.11-*.txt resources into sorted arrays.</summary>
internal sealed class CatalogData
{
    private const string ComputedMarker = " (computed)";

    public required ImmutableArray<string> Names { get; init; }

    /// <summary>Defaults parallel to <see cref="Names"/>; <see langword="null"/> for computed entries.</summary>
    public required string?[] Defaults { get; init; }

    /// <summary>Kinds parallel to <see cref="Names"/>.</summary>
    public required ParameterKind[] Kinds { get; init; }

    public required ImmutableArray<string> LegacyNames { get; init; }

    /// <summary>pipe_params in src/postconf/postconf_service.c: (suffix, default parameter), sorted by suffix.</summary>
    public required ImmutableArray<(string Suffix, string Parameter)> PipeServiceSuffixes { get; init; }

    /// <summary>spawn_params in src/postconf/postconf_service.c.</summary>
    public required ImmutableArray<(string Suffix, string Parameter)> SpawnServiceSuffixes { get; init; }

    /// <summary>Legacy DBMS suffixes per table type (ldap, memcache, mysql, pgsql, sqlite).</summary>
    public required ImmutableDictionary<string, ImmutableArray<string>> DatabaseSuffixes { get; init; }

    public static CatalogData Load()
    {
        var defaultsText = ReadResource("PostfixLint.Model.Catalog.postconf-3.7.11-defaults.txt");
        var tablesText = ReadResource("PostfixLint.Model.Catalog.postconf-3.7.11-tables.txt");

        var names = new List<string>(840);
        var defaults = new List<string?>(840);
        foreach (var line in Lines(defaultsText))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith(ComputedMarker, StringComparison.Ordinal))
            {
                names.Add(line[..^ComputedMarker.Length]);
                defaults.Add(null);
                continue;
            }

            // postconf prints "name = value", or "name =" when the value is empty.
            var equals = line.IndexOf(" =", StringComparison.Ordinal);
            names.Add(line[..equals]);
            defaults.Add(equals + 3 <= line.Length ? line[(equals + 3)..] : string.Empty);
        }

        // The generator sorts with LC_ALL=C, which is ordinal; sort defensively to keep binary search valid.
        var nameArray = names.ToArray();
        var defaultArray = defaults.ToArray();
        Array.Sort(nameArray, defaultArray, StringComparer.Ordinal);

        var kinds = new ParameterKind[nameArray.Length];
        var legacy = new List<string>();
        var pipe = new List<(string, string)>();
        var spawn = new List<(string, string)>();
        var dbms = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in Lines(tablesText))
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
                    var index = Array.BinarySearch(nameArray, fields[1], StringComparer.Ordinal);
                    if (index >= 0)
                    {
                        kinds[index] = ToKind(fields[0]);
                    }

                    break;
            }
        }

        legacy.Sort(StringComparer.Ordinal);
        return new CatalogData
        {
            Names = ImmutableArray.Create(nameArray),
            Defaults = defaultArray,
            Kinds = kinds,
            LegacyNames = [.. legacy],
            PipeServiceSuffixes = [.. pipe],
            SpawnServiceSuffixes = [.. spawn],
            DatabaseSuffixes = dbms.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal),
        };
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

    private static string ReadResource(string name)
    {
        using var stream = typeof(CatalogData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from {typeof(CatalogData).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IEnumerable<string> Lines(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length > 0)
            {
                yield return trimmed;
            }
        }
    }
}
