using PostfixLint.Model.Values;
using PostfixLint.Syntax;

namespace PostfixLint.Model.Tables;

/// <summary>Opens lookup tables the way a Postfix daemon would, reading sources through the configuration's path mapping.</summary>
/// <remarks>Stand-in for the tables branch: fixed-key source files, <c>inline:</c>, <c>static:</c> and <c>cidr:</c> only.</remarks>
public sealed class LookupTableFactory
{
    private static readonly HashSet<string> s_indexed = new(StringComparer.Ordinal) { "hash", "btree", "lmdb", "cdb", "dbm", "sdbm", "texthash" };
    private static readonly HashSet<string> s_remote = new(StringComparer.Ordinal)
    {
        "mysql", "pgsql", "ldap", "sqlite", "tcp", "socketmap", "memcache", "nis", "nisplus", "netinfo", "regexp", "pcre", "unionmap", "pipemap", "environ", "randmap",
    };

    private readonly PostfixConfig _config;

    /// <summary>Creates a factory for tables named in <paramref name="config"/>.</summary>
    public LookupTableFactory(PostfixConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
    }

    /// <summary>Opens <paramref name="spec"/>; never throws, bad specifications give an unavailable table.</summary>
    public ILookupTable Open(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var reference = MapReference.Parse(spec);
        if (reference is null)
        {
            return SimpleTable.Unavailable(spec, $"{spec} is unavailable. unsupported dictionary type: {spec}");
        }

        if (reference.Type == "proxy")
        {
            var inner = Open(reference.Name);
            return inner;
        }

        if (s_indexed.Contains(reference.Type))
        {
            var path = _config.Paths.Map(reference.Name);
            var suffix = reference.Type switch { "lmdb" => ".lmdb", "cdb" => ".cdb", "texthash" => "", "dbm" or "sdbm" => ".pag", _ => ".db" };
            string text;
            try
            {
                text = SourceFile.Read(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return SimpleTable.Unavailable(spec, $"{spec} is unavailable. open database {reference.Name}{suffix}: No such file or directory");
            }

            return SimpleTable.FromSource(spec, path, text);
        }

        if (reference.Type == "inline")
        {
            return SimpleTable.FromInline(spec, reference.Body);
        }

        if (reference.Type == "static")
        {
            return new SimpleTable(spec, true, TableContents.Known, null, new Dictionary<string, (string, int)>(), reference.Body, null);
        }

        if (reference.Type == "cidr")
        {
            var path = _config.Paths.Map(reference.Name);
            try
            {
                return SimpleTable.FromCidr(spec, path, SourceFile.Read(path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return SimpleTable.Unavailable(spec, $"{spec} is unavailable. open {reference.Name}: No such file or directory");
            }
        }

        if (s_remote.Contains(reference.Type) || reference.Type == "unix")
        {
            return new SimpleTable(spec, reference.Type is not ("regexp" or "pcre"), TableContents.Unknown, null, new Dictionary<string, (string, int)>(), null, null);
        }

        return SimpleTable.Unavailable(spec, $"{spec} is unavailable. unsupported dictionary type: {reference.Type}");
    }
}
