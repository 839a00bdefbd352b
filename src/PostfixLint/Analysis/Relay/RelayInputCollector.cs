using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PostfixLint.Model;
using PostfixLint.Model.Tables;
using PostfixLint.Model.Values;
using PostfixLint.Simulation;
using PostfixLint.Syntax;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Analysis.Relay;

/// <summary>Collects the boundaries and named values of a configuration (every smtpd listener, its tables, the policy) into <see cref="RelayInputs"/>.</summary>
/// <remarks>
/// Collecting more than smtpd strictly looks at only splits classes finer (more probes, same answers); collecting
/// less would merge addresses smtpd tells apart, so the collector leans towards more.
/// </remarks>
internal sealed class RelayInputCollector
{
    /// <summary>The most values kept per input dimension (HELO, sender, recipient, login, client name).</summary>
    public const int DimensionBound = 64;

    private const int MaxDepth = 6;

    private static readonly string[] s_restrictionLists =
    [
        "smtpd_client_restrictions", "smtpd_helo_restrictions", "smtpd_sender_restrictions", "smtpd_relay_restrictions",
        "smtpd_recipient_restrictions", "smtpd_data_restrictions", "smtpd_end_of_data_restrictions",
    ];

    private static readonly string[] s_recipientDomainLists = ["mydestination", "relay_domains", "virtual_alias_domains", "virtual_mailbox_domains"];

    private static readonly string[] s_recipientAddressMaps = ["relay_recipient_maps", "virtual_alias_maps", "virtual_mailbox_maps"];

    private static readonly string[] s_remoteDomains = ["example.net", "example.org", "remote.example", "relay-test.invalid"];

    private readonly PostfixConfig _config;
    private readonly IPatternWitnessSource _witnesses;
    private readonly SimulatorOptions _options;
    private readonly Func<string, TableSourceFormat, PostmapSource.FastKeyFilter?, IEnumerable<TableEntrySyntax>?>? _tableEntries;
    private readonly List<IPNetwork> _boundaries = [];
    private readonly Dictionary<InputRole, List<string>> _named = [];
    private readonly Dictionary<InputRole, HashSet<string>> _seen = [];
    private readonly Dictionary<InputRole, List<ulong>> _beyondBound = [];
    private readonly HashSet<InputRole> _countIsLowerBound = [];
    private readonly List<string> _uncovered = [];
    private readonly HashSet<string> _visitedTables = new(StringComparer.Ordinal);
    private readonly HashSet<(InputRole Role, string Key)> _visitedKeys = [];
    private readonly HashSet<string> _recipientMapDomains = new(StringComparer.OrdinalIgnoreCase);

    private RelayInputCollector(
        PostfixConfig config, IPatternWitnessSource witnesses, SimulatorOptions options, Func<string, TableSourceFormat, PostmapSource.FastKeyFilter?, IEnumerable<TableEntrySyntax>?>? tableEntries)
    {
        _config = config;
        _witnesses = witnesses;
        _options = options;
        _tableEntries = tableEntries;
        foreach (var role in Enum.GetValues<InputRole>())
        {
            _named[role] = [];
            _seen[role] = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            _beyondBound[role] = [];
        }
    }

    /// <summary>Collects the inputs of <paramref name="config"/> over <paramref name="listeners"/> and <paramref name="policy"/>.</summary>
    public static RelayInputs Collect(
        PostfixConfig config,
        IReadOnlyList<SmtpdListener> listeners,
        RelayPolicy? policy = null,
        IPatternWitnessSource? witnesses = null,
        SimulatorOptions? options = null,
        Func<string, TableSourceFormat, PostmapSource.FastKeyFilter?, IEnumerable<TableEntrySyntax>?>? tableEntries = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(listeners);
        options ??= new SimulatorOptions();
        var collector = new RelayInputCollector(config, witnesses ?? new ShortestPatternWitnesses(), options, tableEntries);
        foreach (var listener in listeners)
        {
            collector.VisitListener(listener);
        }

        if (policy is not null)
        {
            collector.VisitPolicy(policy);
        }

        return collector.Build(listeners);
    }

    private void VisitListener(SmtpdListener listener)
    {
        foreach (var name in new[] { "mynetworks", "permit_mx_backup_networks" })
        {
            VisitNetworkList(listener.Expand(_config, name), 0);
        }

        foreach (var name in new[] { "inet_interfaces", "proxy_interfaces" })
        {
            foreach (var element in PostfixList.Split(listener.Expand(_config, name)))
            {
                AddNetworkKey(element.Text.Trim('[', ']'));
            }
        }

        if (listener.Host is { } host)
        {
            AddNetworkKey(host);
        }

        foreach (var name in s_recipientDomainLists)
        {
            VisitNameList(listener.Expand(_config, name), InputRole.Recipient, 0);
        }

        foreach (var name in s_recipientAddressMaps)
        {
            foreach (var element in PostfixList.Split(listener.Expand(_config, name)))
            {
                VisitTable(element.Text, InputRole.Recipient, null, 0, onePerDomain: true);
            }
        }

        foreach (var element in PostfixList.Split(listener.Expand(_config, "smtpd_sender_login_maps")))
        {
            VisitTable(element.Text, InputRole.Sender, null, 0, onePerDomain: false, valuesAreLogins: true);
        }

        var classes = PostfixList.Split(listener.Expand(_config, "smtpd_restriction_classes")).Select(e => e.Text).ToHashSet(StringComparer.Ordinal);
        foreach (var list in s_restrictionLists)
        {
            VisitRestrictions(listener, classes, listener.Expand(_config, list), list, 0);
        }
    }

    private void VisitRestrictions(SmtpdListener listener, HashSet<string> classes, string value, string listName, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var restriction in RestrictionList.Parse(value, listName))
        {
            if (classes.Contains(restriction.Name))
            {
                VisitRestrictions(listener, classes, listener.Expand(_config, restriction.Name), listName, depth + 1);
                continue;
            }

            var role = restriction.NormalizedName switch
            {
                "check_client_access" or "check_reverse_client_hostname_access" => InputRole.Client,
                "check_helo_access" => InputRole.Helo,
                "check_sender_access" => InputRole.Sender,
                "check_recipient_access" => InputRole.Recipient,
                "check_sasl_access" => InputRole.Login,
                _ => (InputRole?)null,
            };
            if (role is { } tableRole && restriction.Argument is { } argument)
            {
                VisitTable(argument.Text, tableRole, table => VisitRestrictions(listener, classes, table, listName, depth + 1), depth, onePerDomain: false);
            }
        }
    }

    private void VisitNetworkList(string value, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var entry in NetworkList.Parse(value).Entries)
        {
            switch (entry.Kind)
            {
                case NetworkEntryKind.Network when entry.Network is { } network:
                    _boundaries.Add(network);
                    break;
                case NetworkEntryKind.Address when entry.Address is { } address:
                    _boundaries.Add(new IPNetwork(address, 32));
                    break;
                case NetworkEntryKind.Hostname:
                    AddName(InputRole.Client, entry.Text);
                    break;
                case NetworkEntryKind.Table when entry.Map is { } map:
                    VisitTable(map.ToString(), InputRole.Client, null, depth, onePerDomain: false);
                    break;
                case NetworkEntryKind.File:
                    if (ReadFile(entry.Text) is { } text)
                    {
                        VisitNetworkList(text, depth + 1);
                    }

                    break;
            }
        }
    }

    private void VisitNameList(string value, InputRole role, int depth)
    {
        foreach (var element in PostfixList.Split(value))
        {
            var text = element.Text.TrimStart('!');

            // Whether it is a table, without running the reference grammar (kilobytes per call) on each of the 10^5
            // elements of a doubling chain of parameters (fuzz postconf+simulate+check-0c4b49c4acbeb016: 368 MiB).
            if (MapReference.TypeOf(text) is not null)
            {
                VisitTable(text, role, null, depth, onePerDomain: false);
            }
            else if (text.StartsWith('/') && depth < MaxDepth && ReadFile(text) is { } file)
            {
                VisitNameList(file, role, depth + 1);
            }
            else if (_visitedKeys.Add((role, text)))
            {
                // A key met again adds nothing (every collection it feeds ignores repeats): a list that names the same
                // key 10^5 times (a doubling chain of parameters) is read once per distinct key.
                AddKey(role, text);
            }
        }
    }

    private void VisitTable(string spec, InputRole role, Action<string>? visitValue, int depth, bool onePerDomain, bool valuesAreLogins = false)
    {
        // Visited first: a spec met again (10^2 copies of one nested map in a doubling chain) is not parsed again.
        if (depth > MaxDepth || !_visitedTables.Add($"{role}\n{spec}") || MapReference.Parse(spec) is not { } map)
        {
            return;
        }

        // Once the roles this table feeds have more names than are kept, a plain key can only still add a network
        // boundary: the source may skip the keys that cannot be addresses without making strings of them (a 10^6-line
        // sender login map is then read once, not turned into 10^6 names). The names' count becomes a lower bound.
        // Saturation only grows, so once a key is skipped every later plain name is too, as the source requires.
        PostmapSource.FastKeyFilter? skip = visitValue is null
            ? key =>
            {
                if (!Saturated(role) || (valuesAreLogins && !Saturated(InputRole.Login)) || !CannotBeNetwork(key))
                {
                    return false;
                }

                _countIsLowerBound.Add(role);
                if (valuesAreLogins)
                {
                    _countIsLowerBound.Add(InputRole.Login);
                }

                return true;
            }
            : null;
        foreach (var (key, value, pattern, source, line) in ReadTable(map, depth, skip))
        {
            if (pattern is not null)
            {
                var witnesses = _witnesses.Witnesses(pattern.Body, pattern.Flags, map.Type == "pcre");
                if (witnesses.Count == 0)
                {
                    var where = line > 0 ? $"{source}, line {line.ToString(CultureInfo.InvariantCulture)}" : source;
                    _uncovered.Add($"{where}: {pattern.Delimiter}{pattern.Body}{pattern.Delimiter}{pattern.Flags}");
                }

                foreach (var witness in witnesses)
                {
                    AddWitness(role, witness);
                }
            }
            else if (onePerDomain)
            {
                var at = key.LastIndexOf('@');
                if (_recipientMapDomains.Add(at >= 0 ? key[(at + 1)..] : key))
                {
                    AddKey(role, key);
                }
            }
            else if (map.Type == "cidr")
            {
                AddNetworkKey(key);
            }
            else
            {
                AddKey(role, key);
            }

            if (valuesAreLogins && value.AsSpan().IndexOfAny(PostfixList.Separators) < 0)
            {
                // One login, the common case: what Split would return, without its allocations on a 10^6-line map.
                if (value.Length > 0)
                {
                    AddName(InputRole.Login, value);
                }
            }
            else if (valuesAreLogins)
            {
                foreach (var login in PostfixList.Split(value))
                {
                    AddName(InputRole.Login, login.Text);
                }
            }
            else
            {
                visitValue?.Invoke(value);
            }
        }
    }

    /// <summary>
    /// The entries of a table source in file order: (key, value, pattern for regexp/pcre, source, line; line 0 for an
    /// inline table), streamed: a 10^6-line source is never held as a list.
    /// </summary>
    private IEnumerable<(string Key, string Value, RegexpPatternSyntax? Pattern, string Source, int Line)> ReadTable(
        MapReference map, int depth, PostmapSource.FastKeyFilter? skip)
    {
        switch (map.Type)
        {
            case "proxy":
            {
                // proxy:NAME reads NAME (everything after the first colon). The prefixes of a proxy: chain are skipped as
                // text, one level each as before, and only the table under them is parsed: parsing the rest of the chain
                // again at each level cost depth^2 x length (fuzz 0e7065c9: 1.1 GiB).
                var name = map.Name;
                var start = 0;
                var level = depth;
                while (level < MaxDepth)
                {
                    level++;
                    if (name.AsSpan(start).StartsWith("proxy:", StringComparison.Ordinal))
                    {
                        start += "proxy:".Length;
                        continue;
                    }

                    if (MapReference.Parse(name[start..]) is { } inner)
                    {
                        foreach (var entry in ReadTable(inner, level, skip))
                        {
                            yield return entry;
                        }
                    }

                    break;
                }

                break;
            }
            case "unionmap" or "pipemap" when map.IsBraced:
                foreach (var element in PostfixList.Split(map.Body))
                {
                    if (MapReference.Parse(element.Text) is { } member && depth < MaxDepth)
                    {
                        foreach (var entry in ReadTable(member, depth + 1, skip))
                        {
                            yield return entry;
                        }
                    }
                }

                break;
            case "inline" when map.IsBraced:
                foreach (var element in PostfixList.Split(map.Body))
                {
                    var pair = element.Text.Trim('{', '}').Trim();
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals > 0)
                    {
                        yield return (pair[..equals].Trim(), pair[(equals + 1)..].Trim(), null, map.ToString(), 0);
                    }
                }

                break;
            case "hash" or "btree" or "lmdb" or "cdb" or "dbm" or "texthash" or "cidr" or "regexp" or "pcre" when !map.IsBraced:
                var format = map.Type switch
                {
                    "cidr" => TableSourceFormat.Cidr,
                    "regexp" => TableSourceFormat.Regexp,
                    "pcre" => TableSourceFormat.Pcre,
                    _ => TableSourceFormat.Postmap,
                };
                var entries = _tableEntries?.Invoke(map.Name, format, skip) ?? ReadEntries(map.Name, format, skip);
                foreach (var entry in entries ?? [])
                {
                    if (entry.Kind == TableEntryKind.Entry || (entry.Kind == TableEntryKind.If && format == TableSourceFormat.Cidr))
                    {
                        yield return (entry.Key, entry.Value, entry.Pattern, map.Name, entry.Line);
                    }
                    else if (entry.Kind == TableEntryKind.If && entry.Pattern is { } pattern)
                    {
                        yield return ("", "", pattern, map.Name, entry.Line);
                    }
                }

                break;
        }
    }

    // A table no shared parse has (the map rules' scans): a postmap source is scanned rather than parsed into a tree
    // (the same entries, PostmapSource.Entries), so a 10^6-line source outside the checked directory, or read with
    // smtputf8_enable = no, costs what the map rules' scan costs.
    private IEnumerable<TableEntrySyntax>? ReadEntries(string path, TableSourceFormat format, PostmapSource.FastKeyFilter? skip)
    {
        if (format != TableSourceFormat.Postmap)
        {
            return ReadFile(path) is { } text ? LookupTableSyntax.Parse(text, format, path).Entries : null;
        }

        try
        {
            var actual = _config.Paths.Map(path);
            if (!File.Exists(actual))
            {
                return null;
            }

            var source = _options.Files is { } files ? files.Scan(actual, path, utf8: true) : PostmapSource.Scan(actual, path, utf8: true);
            return source.Entries(skip: skip);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string? ReadFile(string path)
    {
        try
        {
            var actual = _config.Paths.Map(path);
            return File.Exists(actual) ? SourceFile.Read(actual) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void VisitPolicy(RelayPolicy policy)
    {
        foreach (var intent in policy.MayRelay.Concat(policy.MustNotRelay))
        {
            _boundaries.Add(intent.Client);
            if (intent.SaslLogin is { } login)
            {
                AddName(InputRole.Login, login);
            }
        }

        foreach (var sender in policy.Senders)
        {
            AddName(InputRole.Login, sender.SaslLogin);
            foreach (var address in sender.May.Concat(sender.MayNot))
            {
                AddName(InputRole.Sender, address);
            }
        }
    }

    /// <summary>A key of an access-style table or list: an address, a domain, <c>user@</c>, or a (partial) IP address.</summary>
    private void AddKey(InputRole role, string key)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (AddNetworkKey(key) && role is InputRole.Client or InputRole.Helo)
        {
            if (role == InputRole.Helo)
            {
                AddName(role, key.Contains(':', StringComparison.Ordinal) ? $"[IPv6:{key}]" : $"[{key}]");
            }

            return;
        }

        switch (role)
        {
            case InputRole.Client or InputRole.Helo:
                AddName(role, key.StartsWith('.') ? "host" + key : key);
                if (!key.StartsWith('.'))
                {
                    AddName(role, "host." + key);
                }

                break;
            case InputRole.Sender or InputRole.Recipient:
                if (key == "<>")
                {
                    AddName(role, "");
                }
                else if (key.EndsWith('@'))
                {
                    AddName(role, key + s_remoteDomains[0]);
                }
                else if (key.Contains('@', StringComparison.Ordinal))
                {
                    AddName(role, key);
                }
                else
                {
                    var domain = key.TrimStart('.');
                    if (!key.StartsWith('.'))
                    {
                        AddName(role, "user@" + domain);
                    }

                    AddName(role, "user@sub." + domain);
                }

                break;
            case InputRole.Login:
                AddName(role, key);
                break;
        }
    }

    private void AddWitness(InputRole role, string witness)
    {
        if (AddNetworkKey(witness) && role == InputRole.Client)
        {
            return;
        }

        if (role is InputRole.Sender or InputRole.Recipient && !witness.Contains('@', StringComparison.Ordinal))
        {
            AddName(role, "user@" + witness.TrimStart('.'));
        }
        else if (role is InputRole.Sender or InputRole.Recipient && witness.EndsWith('@'))
        {
            AddName(role, witness + s_remoteDomains[0]);
        }
        else
        {
            AddName(role, witness);
        }
    }

    /// <summary>Adds the network a key stands for: an address, a CIDR block, or the partial forms smtpd looks up (<c>10.1</c>, <c>2001:db8</c>).</summary>
    private bool AddNetworkKey(string key)
    {
        if (CannotBeNetwork(key))
        {
            return false;
        }

        if (NetworkKey(key) is { } network)
        {
            _boundaries.Add(network);
            return true;
        }

        return false;
    }

    /// <summary>
    /// True for the common key that <see cref="NetworkKey"/> would reject after splitting and parsing it, found without
    /// allocating: no <c>/</c>, <c>[</c>, <c>]</c> or <c>:</c> (no CIDR, bracket or IPv6 form), and a character no
    /// IPv4 address or partial address has (<c>@</c>, or a letter other than the hex digits and <c>x</c>).
    /// </summary>
    private static bool CannotBeNetwork(string key)
    {
        var span = key.AsSpan();
        if (span.IndexOfAny("/[]:") >= 0)
        {
            return false;
        }

        foreach (var c in span)
        {
            if (c == '@' || (char.IsAsciiLetter(c) && !char.IsAsciiHexDigit(c) && c is not ('x' or 'X')))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><see cref="CannotBeNetwork(string)"/> of an ASCII key's bytes (the same test).</summary>
    private static bool CannotBeNetwork(ReadOnlySpan<byte> key) => PostmapSource.IsPlainName(key);

    /// <summary>True when <paramref name="role"/> has more distinct names than are kept (its truncation is certain).</summary>
    private bool Saturated(InputRole role) => _named[role].Count >= DimensionBound && _beyondBound[role].Count > 0;

    /// <summary>The network a client-side key covers; null when it is not address-like.</summary>
    internal static IPNetwork? NetworkKey(string key)
    {
        if (key.Length == 0)
        {
            return null;
        }

        if (key.Contains('/', StringComparison.Ordinal) || key.StartsWith('['))
        {
            return NetworkList.ParseCidr(key, out var cidr) is null ? cidr : null;
        }

        if (RelayPolicyReader.ParseClient(key) is { } single)
        {
            return single;
        }

        // smtpd_check.c check_addr_access(): a.b.c.d is looked up as a.b.c, a.b, a (IPv4).
        var octets = key.Split('.');
        if (octets.Length is >= 1 and <= 3 && octets.All(o => o.Length is > 0 and <= 3 && o.All(char.IsAsciiDigit) && int.Parse(o, CultureInfo.InvariantCulture) <= 255))
        {
            var bytes = new byte[4];
            for (var i = 0; i < octets.Length; i++)
            {
                bytes[i] = byte.Parse(octets[i], CultureInfo.InvariantCulture);
            }

            return new IPNetwork(new IPAddress(bytes), octets.Length * 8);
        }

        // IPv6 keys are cut at ':' the same way; the groups name a prefix of the address. (smtpd cuts the compressed
        // text form, so "2001:db8:0" does not match 2001:db8::1: such a key only adds a boundary, which is safe.)
        var groups = key.Split(':');
        if (groups.Length is >= 2 and <= 7 && !key.Contains("::", StringComparison.Ordinal)
            && groups.All(g => g.Length is > 0 and <= 4 && g.All(char.IsAsciiHexDigit)))
        {
            var bytes = new byte[16];
            for (var i = 0; i < groups.Length; i++)
            {
                var value = ushort.Parse(groups[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                bytes[i * 2] = (byte)(value >> 8);
                bytes[(i * 2) + 1] = (byte)value;
            }

            return new IPNetwork(new IPAddress(bytes), groups.Length * 16);
        }

        return null;
    }

    private void AddName(InputRole role, string value)
    {
        var named = _named[role];
        if (named.Count < DimensionBound)
        {
            if (_seen[role].Add(value))
            {
                named.Add(value);
            }

            return;
        }

        // Beyond the bound only the number of distinct names matters (the truncation note): a 64-bit hash of each
        // case-folded name is kept instead of the name (10^6 senders of a login map are 8 MB, not 100).
        if (!_seen[role].Contains(value))
        {
            _beyondBound[role].Add(FoldedHash(value));
        }
    }

    /// <summary>FNV-1a (64 bits) of the name as <see cref="StringComparer.OrdinalIgnoreCase"/> compares it (invariant upper case).</summary>
    private static ulong FoldedHash(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ char.ToUpperInvariant(c)) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>The number of distinct names collected for <paramref name="role"/>, kept or not.</summary>
    private int NamedCount(InputRole role)
    {
        var beyond = _beyondBound[role];
        if (beyond.Count == 0)
        {
            return _named[role].Count;
        }

        beyond.Sort();
        var distinct = 1;
        for (var i = 1; i < beyond.Count; i++)
        {
            if (beyond[i] != beyond[i - 1])
            {
                distinct++;
            }
        }

        return _named[role].Count + distinct;
    }

    private RelayInputs Build(IReadOnlyList<SmtpdListener> listeners)
    {
        var scope = listeners.Count > 0 ? new RecipientScope(_config, listeners[0], _options) : null;
        var remoteDomain = s_remoteDomains.FirstOrDefault(d => scope?.ClassOf("relaytest@" + d) == AddressClass.Default) ?? s_remoteDomains[^1];
        var senderDomain = s_remoteDomains.FirstOrDefault(d => d != remoteDomain && scope?.ClassOf("relaytest@" + d) == AddressClass.Default) ?? remoteDomain;
        var remoteRecipient = $"relaytest@{remoteDomain}";
        var remoteSender = $"sender@{senderDomain}";
        var truncations = new List<string>();

        var helo = Bounded(InputRole.Helo, "HELO names", truncations);
        var unknownHelo = new[] { "client.example.net", "client.example.org", "unknown-client.invalid" }.First(h => !helo.Contains(h, StringComparer.OrdinalIgnoreCase));

        var senders = new List<string> { remoteSender, "" };
        var myhostname = _config.Expand("myhostname");
        if (!string.IsNullOrEmpty(myhostname))
        {
            senders.Add($"sender@{myhostname}");
        }

        var recipients = new List<string> { remoteRecipient };
        var logins = Bounded(InputRole.Login, "SASL logins", truncations);
        var unknownLogin = new[] { "unknown-login", "relaytest-login" }.First(l => !logins.Contains(l, StringComparer.Ordinal));

        return new RelayInputs(
            ClientAddressSpace.Partition(_boundaries),
            [unknownHelo, .. helo],
            [.. senders.Concat(Bounded(InputRole.Sender, "senders", truncations)).Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. recipients.Concat(Bounded(InputRole.Recipient, "recipients", truncations)).Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. logins, unknownLogin],
            Bounded(InputRole.Client, "client names", truncations))
        {
            Boundaries = [.. _boundaries.Distinct()],
            UncoveredPatterns = [.. _uncovered],
            Truncations = [.. truncations],
        };
    }

    private ImmutableArray<string> Bounded(InputRole role, string what, List<string> truncations)
    {
        var values = _named[role];
        var count = NamedCount(role);
        if (count > DimensionBound)
        {
            var atLeast = _countIsLowerBound.Contains(role) ? "at least " : "";
            truncations.Add($"{what}: {atLeast}{count.ToString(CultureInfo.InvariantCulture)} named, {DimensionBound.ToString(CultureInfo.InvariantCulture)} kept");
        }

        return [.. values.Take(DimensionBound)];
    }
}
