using System.Collections.Concurrent;
using PostfixLint.Model.Values;
using PostfixLint.Syntax;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Model.Tables;

/// <summary>Opens <c>type:name</c> tables as smtpd would, reading local files through <see cref="PostfixConfig.Paths"/>.</summary>
/// <remarks>
/// Indexed types (hash, btree, lmdb, cdb) are read from their source files as if <c>postmap</c> (or <c>postalias</c>, for
/// the tables <c>alias_maps</c> and <c>alias_database</c> name, whatever their file is called) had just run; a stale or
/// missing database is a finding for the rules, not a different answer, unless <see cref="LookupTableOptions.AsDeployed"/>
/// asks for the live server's view. Opened tables are shared per spec, as Postfix shares them with <c>dict_handle()</c>.
/// The factory never throws for a bad spec or file.
/// </remarks>
public sealed class LookupTableFactory
{
    private static readonly HashSet<string> s_externalTypes = new(StringComparer.Ordinal)
    {
        "mysql", "pgsql", "ldap", "sqlite", "tcp", "socketmap", "memcache", "nis", "nisplus", "netinfo", "sdbm",
    };

    private readonly PostfixConfig _config;
    private readonly LookupTableOptions _options;
    private readonly ConcurrentDictionary<string, ILookupTable> _cache = new(StringComparer.Ordinal);
    private readonly bool _utf8;
    private readonly HashSet<string> _aliasTables;

    /// <summary>Creates a factory for <paramref name="config"/>.</summary>
    public LookupTableFactory(PostfixConfig config, LookupTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _options = options ?? new LookupTableOptions();
        var utf8 = config.Expand("smtputf8_enable");
        _utf8 = utf8 is null || string.Equals(utf8, "yes", StringComparison.OrdinalIgnoreCase);

        // newaliases/postalias build these from aliases(5) sources ("name: value"), whatever the file is called.
        _aliasTables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in (string[])["alias_maps", "alias_database"])
        {
            foreach (var element in PostfixList.Split(config.Expand(parameter) ?? ""))
            {
                var text = element.Text.StartsWith("proxy:", StringComparison.Ordinal) ? element.Text["proxy:".Length..] : element.Text;
                _aliasTables.Add(text);
            }
        }
    }

    /// <summary>Opens (or returns the already opened) table for <paramref name="spec"/>; bad specs give an unavailable table.</summary>
    public ILookupTable Open(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Open(spec, 0);
    }

    private ILookupTable Open(string spec, int depth) =>
        depth > InputLimits.MaxMapNesting
            ? new UnavailableTable(spec, $"maps nest more than {InputLimits.MaxMapNesting} deep: the inner ones are not opened")
            : _cache.GetOrAdd(spec, s => OpenCore(s.Trim(), depth));

    private ILookupTable OpenCore(string spec, int depth)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            // dict_open(): msg_fatal("open dictionary: expecting \"type:name\" form instead of \"%s\"", dict_spec).
            return new UnavailableTable(spec, $"open dictionary: expecting \"type:name\" form instead of \"{spec}\"");
        }

        var type = spec[..colon];
        if (type is "unionmap" or "pipemap")
        {
            // Each nesting level reads its members straight from its own spec: one copy per level, not three.
            return OpenComposite(spec, type, colon + 1, pipe: type == "pipemap", depth);
        }

        var name = spec[(colon + 1)..];
        try
        {
            return type switch
            {
                "hash" => OpenIndexed(spec, name, ".db"),
                "btree" => OpenIndexed(spec, name, ".db"),
                "lmdb" => OpenIndexed(spec, name, ".lmdb"),
                "cdb" => OpenIndexed(spec, name, ".cdb"),
                "texthash" => OpenIndexed(spec, name, null),
                "cidr" => OpenPattern(spec, type, name, TableSourceFormat.Cidr),
                "regexp" => OpenPattern(spec, type, name, TableSourceFormat.Regexp),
                "pcre" => OpenPattern(spec, type, name, TableSourceFormat.Pcre),
                "inline" => OpenInline(spec, name),
                "static" => OpenStatic(spec, name),
                "proxy" => new ProxyTable(spec, Open(name, depth + 1)),
                "unix" => OpenUnix(spec, name),
                "environ" => OpenEnviron(spec),
                "fail" => new FailTable(spec),
                _ when s_externalTypes.Contains(type) => new UnknownTable(spec, $"{type} tables are queried at run time; their contents are not in the configuration"),

                // Debian's Postfix is built without dbm; dict_open3() then gives a surrogate.
                _ => new UnavailableTable(spec, $"unsupported dictionary type: {type}"),
            };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // strerror() words: the AOT build has no .NET message texts.
            return new UnavailableTable(spec, $"open {name}: {ErrorText.Describe(exception)}");
        }
    }

    private ILookupTable OpenIndexed(string spec, string path, string? suffix)
    {
        var actual = _config.Paths.Map(path);
        if (!File.Exists(actual))
        {
            if (suffix is not null && File.Exists(actual + suffix))
            {
                return new UnknownTable(spec, $"{path}{suffix} exists but its source file {path} does not");
            }

            return new UnavailableTable(spec, $"open database {path}{suffix}: No such file or directory");
        }

        string? staleWarning = null;
        if (_options.AsDeployed && suffix is not null)
        {
            // A live server opens the database, never the source (dict_db.c, dict_lmdb.c, dict_cdb.c).
            var database = actual + suffix;
            if (!File.Exists(database))
            {
                return new UnavailableTable(spec, $"open database {path}{suffix}: No such file or directory");
            }

            // dict_db.c: "database %s is older than source file %s", logged when the source is newer than the
            // database, unless the source changed within the last 100 seconds (an update may be under way).
            var sourceTime = File.GetLastWriteTimeUtc(actual);
            if (sourceTime > File.GetLastWriteTimeUtc(database) && sourceTime < DateTime.UtcNow.AddSeconds(-100))
            {
                staleWarning = $"database {path}{suffix} is older than source file {path}";
            }
        }

        ILookupTable table;
        if (suffix is not null && _aliasTables.Contains(spec))
        {
            table = OpenAliases(spec, path, actual);
        }
        else
        {
            var indexed = IndexedTable.LoadFile(spec, path, actual, _utf8, _options.Files);
            if (suffix is null && indexed.DuplicateLine > 0)
            {
                // dict_thash.c: smtpd opens texthash without DICT_FLAG_DUP_*, so a duplicate makes the whole table a surrogate.
                return new UnavailableTable(spec, $"{path}, line {indexed.DuplicateLine}: duplicate entry: \"{indexed.DuplicateKey}\"");
            }

            table = indexed;
        }

        return staleWarning is null ? table : new StaleTable(table, staleWarning);
    }

    /// <summary>An aliases(5) source as postalias(1) builds it: the name without its colon, folded; the first of duplicates kept.</summary>
    private ILookupTable OpenAliases(string spec, string path, string actual)
    {
        var syntax = LookupTableSyntax.Parse(SourceFile.Read(actual), TableSourceFormat.Aliases, path, _utf8);
        var entries = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        foreach (var entry in syntax.Entries)
        {
            if (entry.Kind == TableEntryKind.Entry)
            {
                entries.TryAdd(TableText.FoldKey(entry.Key), (entry.Value, entry.Line));
            }
        }

        return new DictionaryTable(spec, entries, path);
    }

    private ILookupTable OpenPattern(string spec, string type, string name, TableSourceFormat format)
    {
        string text;
        string source;
        if (name.StartsWith('{'))
        {
            // dict_stream.c dict_inline_to_multiline(): each {rule} becomes one line.
            var (lines, error) = InlineRules(name);
            if (error is not null)
            {
                return new UnavailableTable(spec, $"{type} map: {error}", IsFixedKey: false);
            }

            text = lines!;
            source = spec;
        }
        else
        {
            var actual = _config.Paths.Map(name);
            if (!File.Exists(actual))
            {
                return new UnavailableTable(spec, $"open {name}: No such file or directory", IsFixedKey: false);
            }

            text = SourceFile.Read(actual);
            source = name;
        }

        var syntax = LookupTableSyntax.Parse(text, format, name, _utf8);
        return format == TableSourceFormat.Cidr ? new CidrTable(spec, source, syntax) : new RegexpTable(spec, source, syntax);
    }

    private static (string? Lines, string? Error) InlineRules(string name)
    {
        var (body, error) = ExtractBraces(name, strip: false);
        if (error is not null)
        {
            return (null, error);
        }

        var builder = new System.Text.StringBuilder();
        foreach (var element in PostfixList.Split(body))
        {
            var (rule, ruleError) = ExtractBraces(element.Text, strip: true);
            if (ruleError is not null)
            {
                return (null, ruleError);
            }

            builder.Append(rule).Append('\n');
        }

        return (builder.ToString(), null);
    }

    /// <summary>Port of <c>extpar()</c> (<c>src/util/extpar.c</c>) for <c>{}</c>.</summary>
    private static (string Body, string? Error) ExtractBraces(string text, bool strip)
    {
        string body;
        string? error = null;
        if (!text.StartsWith('{'))
        {
            return (text, $"no '{{' at start of text in \"{text}\"");
        }

        var length = BalancedLength(text);
        if (length == 0)
        {
            error = $"missing '}}' in \"{text}\"";
            body = text[1..];
        }
        else
        {
            if (length != text.Length)
            {
                error = $"syntax error after '}}' in \"{text}\"";
            }

            body = text[1..(length - 1)];
        }

        if (strip)
        {
            body = body.Trim(' ', '\t', '\n', '\r', '\v', '\f');
        }

        return (body, error);
    }

    private static int BalancedLength(ReadOnlySpan<char> text)
    {
        var level = 1;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == '}' && --level == 0)
            {
                return i + 1;
            }

            if (text[i] == '{')
            {
                level++;
            }
        }

        return 0;
    }

    private static ILookupTable OpenInline(string spec, string name)
    {
        var bad = $"bad syntax: \"inline:{name}\"; need \"inline:{{name=value...}}\"";
        var length = name.StartsWith('{') ? BalancedLength(name) : 0;
        if (length == 0 || length != name.Length || name.Length == 2)
        {
            return new UnavailableTable(spec, bad);
        }

        var entries = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        string? error = null;
        foreach (var element in PostfixList.Split(name[1..^1]))
        {
            var nameValue = element.Text;
            if (nameValue.StartsWith('{'))
            {
                (nameValue, error) = ExtractBraces(nameValue, strip: true);
                if (error is not null)
                {
                    break;
                }
            }

            var split = SplitQuotedNameValue(nameValue);
            if (split.Error is not null)
            {
                error = split.Error;
                break;
            }

            // dict_inline.c: no duplicate checks, the last value wins; dict_ht folds keys under DICT_FLAG_FOLD_FIX.
            entries[TableText.FoldKey(split.Key!)] = (split.Value!, 0);
        }

        if (error is not null || entries.Count == 0)
        {
            return new UnavailableTable(spec, $"{error ?? "empty table"}: \"inline:{name}\"; need \"inline:{{name=value...}}\"");
        }

        return new DictionaryTable(spec, entries, spec);
    }

    /// <summary>Port of <c>split_qnameval()</c> (<c>src/util/split_qnameval.c</c>).</summary>
    private static (string? Key, string? Value, string? Error) SplitQuotedNameValue(string text)
    {
        var key = 0;
        while (key < text.Length && TableText.IsSpace(text[key]))
        {
            key++;
        }

        if (key >= text.Length)
        {
            return (null, null, "no key found; expected format: key = value");
        }

        var inQuotes = false;
        var end = key;
        for (; end < text.Length; end++)
        {
            var c = text[end];
            if (c == '\\')
            {
                if (++end >= text.Length)
                {
                    break;
                }
            }
            else if (TableText.IsSpace(c) || c == '=')
            {
                if (!inQuotes)
                {
                    break;
                }
            }
            else if (c == '"')
            {
                inQuotes = !inQuotes;
            }
        }

        if (inQuotes)
        {
            return (null, null, "unbalanced '\"'");
        }

        end = Math.Min(end, text.Length);
        var value = end;
        while (value < text.Length && TableText.IsSpace(text[value]))
        {
            value++;
        }

        if (value >= text.Length || text[value] != '=')
        {
            return (null, null, "missing '=' after attribute name");
        }

        value++;
        while (value < text.Length && TableText.IsSpace(text[value]))
        {
            value++;
        }

        var valueEnd = text.Length;
        while (valueEnd > value && TableText.IsSpace(text[valueEnd - 1]))
        {
            valueEnd--;
        }

        return (text[key..end], text[value..valueEnd], null);
    }

    private static ILookupTable OpenStatic(string spec, string name)
    {
        if (!name.StartsWith('{'))
        {
            return new StaticTable(spec, name);
        }

        var (body, error) = ExtractBraces(name, strip: true);
        return error is null ? new StaticTable(spec, body) : new UnavailableTable(spec, $"bad static:name syntax: {error}");
    }

    private ILookupTable OpenComposite(string spec, string type, int nameStart, bool pipe, int depth)
    {
        var name = spec.AsSpan(nameStart);
        var length = name.StartsWith('{') ? BalancedLength(name) : 0;
        if (length == 0 || length != name.Length || name.Length == 2)
        {
            return new UnavailableTable(spec, Bad());
        }

        var members = PostfixList.Split(spec.Substring(nameStart + 1, name.Length - 2));
        if (members.Length == 0 || members.Any(m => !m.Text.Contains(':', StringComparison.Ordinal)))
        {
            return new UnavailableTable(spec, Bad());
        }

        return new CompositeTable(spec, pipe, [.. members.Select(m => Open(m.Text, depth + 1))]);

        // Worded only when it is reported: a valid nested map would otherwise copy its whole text once per level.
        string Bad() => $"bad syntax: \"{spec}\"; need \"{type}:{{type:name...}}\"";
    }

    private ILookupTable OpenUnix(string spec, string name)
    {
        if (name != "passwd.byname")
        {
            return new UnknownTable(spec, $"unix:{name} is read from the host's system databases");
        }

        if (_options.PasswdFile is null)
        {
            return new UnknownTable(spec, "no passwd file is available");
        }

        var path = _options.PasswdFile;
        if (!File.Exists(path))
        {
            return new UnknownTable(spec, $"passwd file {path} does not exist");
        }

        var entries = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in Syntax.InputFile.ReadLines(path, System.Text.Encoding.Latin1))
        {
            lineNumber++;
            var fields = line.Split(':');
            if (fields.Length < 7 || fields[0].Length == 0 || fields[0].StartsWith('+') || fields[0].StartsWith('-'))
            {
                continue;
            }

            // dict_unix.c: "name:passwd:uid:gid:gecos:dir:shell"; getpwnam() returns the first entry.
            entries.TryAdd(fields[0], (string.Join(':', fields[..7]), lineNumber));
        }

        return new DictionaryTable(spec, entries, path);
    }

    private ILookupTable OpenEnviron(string spec) => _options.Environment is { } environment
        ? new DictionaryTable(spec, environment.ToDictionary(p => p.Key, p => (p.Value, 0), StringComparer.Ordinal), spec)
        : new UnknownTable(spec, "environ: reads the environment of the Postfix process");

}
