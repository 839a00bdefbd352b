using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using PostfixLint.Model;
using PostfixLint.Model.Tables;
using PostfixLint.Model.Values;
using PostfixLint.Syntax;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Analysis.Rules.Maps;

/// <summary>
/// The lookup tables a configuration names in main.cf and in master.cf <c>-o</c> options, and their source files as
/// read through <see cref="PostfixConfig.Paths"/>; computed once per lint run and shared by the Maps rules.
/// </summary>
internal static class ReferencedTables
{
    /// <summary>The smtpd restriction lists whose <c>check_*_access</c> arguments name tables.</summary>
    public static readonly ImmutableArray<string> RestrictionLists =
    [
        "smtpd_client_restrictions", "smtpd_helo_restrictions", "smtpd_sender_restrictions", "smtpd_relay_restrictions",
        "smtpd_recipient_restrictions", "smtpd_data_restrictions", "smtpd_end_of_data_restrictions", "smtpd_etrn_restrictions",
    ];

    // postconf -m of Postfix 3.7.11 (Debian 12), plus dbm/sdbm/nisplus/netinfo that other builds have.
    private static readonly FrozenSet<string> s_types = FrozenSet.ToFrozenSet(
    [
        "btree", "cdb", "cidr", "environ", "fail", "hash", "inline", "internal", "ldap", "lmdb", "memcache", "mysql", "nis",
        "pcre", "pgsql", "pipemap", "proxy", "randmap", "regexp", "socketmap", "sqlite", "static", "tcp", "texthash",
        "unionmap", "unix", "dbm", "sdbm", "nisplus", "netinfo",
    ], StringComparer.Ordinal);

    // Match lists (match_list_init() callers) that may hold type:table entries.
    private static readonly ImmutableArray<string> s_matchListNames = ["mynetworks", "mydestination", "debug_peer_list", "relay_domains"];
    private static readonly ImmutableArray<string> s_matchListSuffixes = ["_domains", "_networks", "_exceptions", "_access_list", "_users"];

    private static readonly ConditionalWeakTable<RuleContext, State> s_states = [];

    /// <summary>Every table the configuration names, once per place it is written (defaults left out), in file order.</summary>
    public static ImmutableArray<TableReference> Of(RuleContext context) => StateOf(context).References.Value;

    /// <summary>The source file of <paramref name="reference"/> (which must have <see cref="TableReference.HasFile"/>), read once per run.</summary>
    public static TableFile FileOf(RuleContext context, TableReference reference) =>
        FileOf(context, reference.Name, reference.Format ?? TableSourceFormat.Postmap);

    /// <summary>The source file <paramref name="name"/> (as the configuration writes it) read as <paramref name="format"/>, once per run.</summary>
    public static TableFile FileOf(RuleContext context, string name, TableSourceFormat format) =>
        StateOf(context).Files.GetOrAdd((name, format), key => Read(context.Config, context.TableFiles, key.Name, key.Format));

    /// <summary>Where the reference is written, for a finding; null when it is a default.</summary>
    public static SourceLocation? Location(TableReference reference) => reference.Origin?.Location;

    private static State StateOf(RuleContext context) => s_states.GetValue(context, c => new State(c));

    private static TableFile Read(PostfixConfig config, TableFiles files, string name, TableSourceFormat format)
    {
        if (!name.StartsWith('/'))
        {
            // Daemons resolve a relative name in their chroot or queue directory: nothing here says which file that is.
            return new TableFile(name, name, false, false, null, null);
        }

        // Outside the checked directory and without --root, a file on this machine says nothing about the server's,
        // unless the checked directory is the live one (checking /etc/postfix in place).
        var paths = config.Paths;
        var located = paths.Locate(name);
        var actual = paths.Overlaid(located);
        var verifiable = paths.Root is not null || paths.IsInCheckedDirectory(located);
        if (!verifiable || !File.Exists(actual))
        {
            return new TableFile(name, actual, false, verifiable, null, null);
        }

        TableSource? source = null;
        try
        {
            // A postmap source may have 10^6 lines: scanned, not parsed into a tree (same warnings, same spans).
            var utf8 = !string.Equals(config.Expand("smtputf8_enable"), "no", StringComparison.OrdinalIgnoreCase);
            source = format == TableSourceFormat.Postmap
                ? new TableSource(files.Scan(actual, name, utf8))
                : new TableSource(LookupTableSyntax.Parse(SourceFile.Read(actual), format, name, utf8));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable for us is not missing for Postfix (postmap may run as another user).
        }

        return new TableFile(name, actual, true, true, source, File.GetLastWriteTimeUtc(actual));
    }

    private static ImmutableArray<TableReference> Collect(RuleContext context)
    {
        var config = context.Config;
        var found = new List<TableReference>();
        var seen = new HashSet<(string, string, int)>();

        void Add(string spec, string parameter, MasterService? service, TableUse use, ValueOrigin? origin, int depth = 0)
        {
            var trimmed = spec.Trim();
            if (depth > InputLimits.MaxMapNesting || origin?.Location is not { } location || MapReference.TypeOf(trimmed) is not { } type || !s_types.Contains(type))
            {
                return;
            }

            if (type is "unionmap" or "pipemap")
            {
                // The body straight from the text: one copy per nesting level (a 142 KB map nested 100 deep).
                if (MapReference.BracedBodyOf(trimmed) is { } body)
                {
                    foreach (var element in PostfixList.Split(body))
                    {
                        Add(element.Text, parameter, service, use, origin, depth + 1);
                    }
                }

                return;
            }

            if (type == "proxy")
            {
                // proxy:NAME names NAME (everything after the first colon, as MapReference.Parse reads it). Taken as text:
                // parsing the whole chain again at each level costs depth^2 x length (fuzz 0e7065c9: 1.1 GiB).
                Add(trimmed[(type.Length + 1)..], parameter, service, use, origin, depth + 1);
                return;
            }

            var reference = MapReference.Parse(trimmed)!;

            // The use follows the parameter the text is written in: $alias_maps inside local_recipient_maps is still aliases.
            var writtenIn = origin.Parameter;
            var actualUse = use == TableUse.Access ? use : UseOf(writtenIn);
            if (seen.Add((reference.ToString(), location.Path, location.Span.Start)))
            {
                found.Add(new TableReference(writtenIn, service, reference.ToString(), reference.Type, reference.Name, actualUse, origin));
            }
        }

        foreach (var (name, service) in Scopes(config))
        {
            if (IsRestrictionList(context, name, service))
            {
                foreach (var restriction in config.GetRestrictionList(name, service)?.Value ?? [])
                {
                    var access = restriction.IsImplicitAccessCheck
                                 || (restriction.NormalizedName.StartsWith("check_", StringComparison.Ordinal)
                                     && restriction.NormalizedName.EndsWith("_access", StringComparison.Ordinal));
                    if (access && restriction.Argument is { } argument)
                    {
                        Add(argument.Text, name, service, TableUse.Access, argument.Origin);
                    }
                }
            }
            else if (IsMapList(name))
            {
                foreach (var reference in config.GetMapReferences(name, service)?.Value ?? [])
                {
                    Add(reference.ToString(), name, service, TableUse.Lookup, reference.Origin);
                }
            }
            else if (IsMatchList(name))
            {
                foreach (var element in config.GetList(name, service)?.Value ?? [])
                {
                    if (element.Text.Contains(':', StringComparison.Ordinal) && !element.Text.StartsWith('['))
                    {
                        Add(element.Text, name, service, TableUse.Lookup, element.Origin);
                    }
                }
            }
        }

        return [.. found];
    }

    private static TableUse UseOf(string parameter) => parameter switch
    {
        "alias_maps" or "alias_database" => TableUse.Alias,
        "smtpd_sender_login_maps" => TableUse.SenderLogin,
        _ => TableUse.Lookup,
    };

    /// <summary>main.cf's explicit parameters, then each master.cf service's <c>-o</c> names.</summary>
    private static IEnumerable<(string Name, MasterService? Service)> Scopes(PostfixConfig config)
    {
        foreach (var definition in config.Definitions.DistinctBy(d => d.Name))
        {
            yield return (definition.Name, null);
        }

        foreach (var service in config.Services)
        {
            foreach (var name in service.Overrides.Select(o => o.Name).Distinct(StringComparer.Ordinal))
            {
                yield return (name, service);
            }
        }
    }

    private static bool IsRestrictionList(RuleContext context, string name, MasterService? service) =>
        RestrictionLists.Contains(name) || context.SettingsOf(service).GetList("smtpd_restriction_classes").Contains(name);

    private static bool IsMapList(string name) =>
        name is "alias_database" || ((name.EndsWith("_maps", StringComparison.Ordinal) || name.EndsWith("_checks", StringComparison.Ordinal))
                                     && name is not ("proxy_read_maps" or "proxy_write_maps"));

    private static bool IsMatchList(string name) =>
        s_matchListNames.Contains(name) || s_matchListSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));

    private sealed class State(RuleContext context)
    {
        public Lazy<ImmutableArray<TableReference>> References { get; } = new(() => Collect(context));

        public ConcurrentDictionary<(string Name, TableSourceFormat Format), TableFile> Files { get; } = new();
    }
}
