using System.Collections.Concurrent;
using System.Net;
using PostfixLint.Model.Values;

namespace PostfixLint.Simulation;

/// <summary>
/// Canonicalizes and classifies addresses as smtpd does through trivial-rewrite
/// (<c>src/smtpd/smtpd_resolve.c</c>, <c>src/trivial-rewrite/resolve.c</c>, <c>src/global/resolve_local.c</c>).
/// </summary>
internal sealed class AddressClassifier
{
    private readonly ListenerSettings _settings;
    private readonly TableSet _tables;
    // Resolved addresses by input, for batch runs that probe the same addresses again and again. Bounded: when full,
    // it starts over, so a run over millions of distinct addresses does not grow without limit.
    private const int CacheLimit = 4096;
    private readonly ConcurrentDictionary<string, ResolvedAddress> _cache = new(StringComparer.Ordinal);

    internal AddressClassifier(ListenerSettings settings, TableSet tables)
    {
        _settings = settings;
        _tables = tables;
    }

    /// <summary>Resolves <paramref name="address"/> (as given in MAIL FROM or RCPT TO) to its canonical form and address class.</summary>
    public ResolvedAddress Resolve(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!_cache.TryGetValue(address, out var resolved))
        {
            resolved = ResolveCore(address);
            if (_cache.Count >= CacheLimit)
            {
                _cache.Clear();
            }

            _cache[address] = resolved;
        }

        return resolved;
    }

    /// <summary>True when <paramref name="domain"/> is local: it matches mydestination or is a literal of one of this host's addresses.</summary>
    internal MatchListResult IsLocalDomain(string domain)
    {
        // resolve_local(): strip one trailing dot but not dot-dot.
        if (domain.Length == 0)
        {
            return MatchListResult.None;
        }

        if (domain.EndsWith('.'))
        {
            domain = domain[..^1];
        }

        if (domain.Length == 0 || domain.EndsWith('.'))
        {
            return MatchListResult.None;
        }

        var result = MatchLists.MatchString(_tables, "mydestination", _settings.Get("mydestination"), domain);
        if (result.Outcome != MatchOutcome.NoMatch)
        {
            return result;
        }

        if (domain.StartsWith('[') && domain.EndsWith(']'))
        {
            var literal = domain[1..^1];
            if (literal.StartsWith("ipv6:", StringComparison.OrdinalIgnoreCase))
            {
                literal = literal[5..];
            }

            if (IPAddress.TryParse(literal, out var ip) && OwnAddresses().Any(a => a.Equals(ip)))
            {
                return new MatchListResult(MatchOutcome.Match, $"[{literal}]", "an address of inet_interfaces/proxy_interfaces");
            }
        }

        return MatchListResult.None;
    }

    /// <summary>This host's addresses as smtpd sees them: <c>inet_interfaces</c> plus <c>proxy_interfaces</c>.</summary>
    internal IEnumerable<IPAddress> OwnAddresses()
    {
        foreach (var address in InterfaceAddresses(_settings.Get("inet_interfaces")))
        {
            yield return address;
        }

        foreach (var address in InterfaceAddresses(_settings.Get("proxy_interfaces")))
        {
            yield return address;
        }
    }

    internal IEnumerable<IPAddress> InterfaceAddresses(string value)
    {
        foreach (var element in PostfixList.Split(value))
        {
            var text = element.Text.ToLowerInvariant();
            if (text == "all")
            {
                foreach (var host in _settings.Config.Host.Interfaces)
                {
                    yield return host.Address;
                }
            }
            else if (text == "loopback-only")
            {
                yield return IPAddress.Loopback;
                yield return IPAddress.IPv6Loopback;
            }
            else if (text == "localhost")
            {
                yield return IPAddress.Loopback;
            }
            else if (IPAddress.TryParse(text.Trim('[', ']'), out var ip))
            {
                yield return ip;
            }
        }
    }

    private ResolvedAddress ResolveCore(string given)
    {
        var notes = new List<string>();
        var address = Canonicalize(Internalize(given));
        if (!string.Equals(address, given, StringComparison.OrdinalIgnoreCase))
        {
            notes.Add($"canonical form {address}");
        }

        if (StripLocalDomains(given, ref address, notes, out var domain, out var savedDomain) is { } failed)
        {
            return failed;
        }

        if (CheckDomainSyntax(ref address, ref domain, ref savedDomain, notes, out var syntaxError) is { } failedLiteral)
        {
            return failedLiteral;
        }

        (AddressClass Class, string Transport, string Nexthop, string? Unknown, string? Failure) classified;
        if (domain is null)
        {
            address += "@" + (savedDomain ?? _settings.Get("myhostname"));
            domain = savedDomain ?? _settings.Get("myhostname");
            var (transport, nexthop) = Transport("local_transport", domain);
            classified = (AddressClass.Local, transport, nexthop, null, null);
            notes.Add($"address class local: {domain} matches mydestination or an own interface literal");
        }
        else
        {
            classified = ClassifyDomain(domain, notes);
        }

        // resolve_addr(): the address is routed when the first routing operator is not the final "@".
        var first = address.AsSpan().IndexOfAny("@!%");
        var routed = first >= 0 && !address[(first + 1)..].Equals(domain, StringComparison.OrdinalIgnoreCase);
        if (routed)
        {
            notes.Add($"the local part of {address} still contains routing (@, % or !): the address is source-routed");
        }

        return new ResolvedAddress(address.ToLowerInvariant(), domain.ToLowerInvariant(), classified.Class, routed, classified.Transport, classified.Nexthop)
        {
            SyntaxError = syntaxError,
            Unknown = classified.Unknown,
            Failure = classified.Failure,
            Explanation = string.Join("; ", notes),
        };
    }

    /// <summary>
    /// resolve_addr(): strip local domains and re-resolve any routing left in the local part. Leaves the remote
    /// <paramref name="domain"/> (null when the address is local) and the last local domain stripped; returns the
    /// failed result when a local-domain lookup fails.
    /// </summary>
    private ResolvedAddress? StripLocalDomains(string given, ref string address, List<string> notes, out string? domain, out string? savedDomain)
    {
        savedDomain = null;
        domain = null;
        var percentHack = _settings.GetBool("allow_percent_hack");
        var swapBangpath = _settings.GetBool("swap_bangpath");
        for (var loop = 0; loop < 100; loop++)
        {
            var at = address.LastIndexOf('@');
            if (at >= 0 && at < address.Length - 1)
            {
                var candidate = address[(at + 1)..];
                if (candidate.Length > 1 && candidate.EndsWith('.') && candidate[^2] != '.')
                {
                    candidate = candidate[..^1];
                    address = address[..at] + "@" + candidate;
                }

                var local = IsLocalDomain(candidate);
                if (local.Outcome is MatchOutcome.Error or MatchOutcome.Unknown)
                {
                    return Failed(given, candidate, local, notes);
                }

                if (local.Outcome == MatchOutcome.NoMatch)
                {
                    domain = candidate;
                    break;
                }

                notes.Add($"{candidate} is local (mydestination = {_settings.Get("mydestination")})");
                savedDomain = candidate;
                address = address[..at];
            }
            else if (at == address.Length - 1)
            {
                address = address[..at];
            }

            if (address.Contains('@', StringComparison.Ordinal)
                || (swapBangpath && address.Contains('!', StringComparison.Ordinal))
                || (percentHack && address.Contains('%', StringComparison.Ordinal)))
            {
                address = RewriteRouting(address, percentHack, swapBangpath);
                continue;
            }

            if (address.Length == 0)
            {
                address = _settings.Get("empty_address_recipient");
                continue;
            }

            if (savedDomain is null)
            {
                address += "@" + _settings.Get("myhostname");
                continue;
            }

            break;
        }

        return null;
    }

    /// <summary>
    /// resolve.c after the rewriting loop: the resolved domain must be a valid address literal or host name, else the
    /// reply carries RESOLVE_FLAG_ERROR (smtpd_check_addr() then refuses the address: "Bad ... address syntax"). With
    /// resolve_numeric_domain a bare IP address becomes a literal (<c>user@1.2.3.4</c> → <c>user@[1.2.3.4]</c>), local
    /// when it is one of this host's addresses. Non-ASCII domains are left to the SMTPUTF8 checks. Returns the failed
    /// result when the literal's locality lookup fails.
    /// </summary>
    private ResolvedAddress? CheckDomainSyntax(ref string address, ref string? domain, ref string? savedDomain, List<string> notes, out bool syntaxError)
    {
        syntaxError = false;
        var resolved = domain ?? savedDomain ?? _settings.Get("myhostname");
        if (resolved.StartsWith('['))
        {
            syntaxError = !(resolved.Length > 2 && resolved.EndsWith(']') && Checks.HostSyntax.ValidMailhostAddr(resolved[1..^1]));
        }
        else if (System.Text.Ascii.IsValid(resolved) && !Checks.HostSyntax.ValidHostname(resolved))
        {
            if (!(_settings.GetBool("resolve_numeric_domain") && Checks.HostSyntax.ValidHostaddr(resolved)))
            {
                syntaxError = true;
            }
            else
            {
                var literal = "[" + resolved + "]";
                notes.Add($"resolve_numeric_domain = yes: {resolved} is taken as the address literal {literal}");
                if (domain is null)
                {
                    savedDomain = literal;
                    return null;
                }

                var local = IsLocalDomain(literal);
                if (local.Outcome is MatchOutcome.Error or MatchOutcome.Unknown)
                {
                    return Failed(address, literal, local, notes);
                }

                var localPart = address[..address.LastIndexOf('@')];
                if (local.Outcome == MatchOutcome.Match)
                {
                    notes.Add($"{literal} is one of this host's addresses: the address is local");
                    address = localPart;
                    savedDomain = literal;
                    domain = null;
                }
                else
                {
                    address = localPart + "@" + literal;
                    domain = literal;
                }
            }
        }

        if (syntaxError)
        {
            notes.Add($"{resolved} is not a valid host name or address literal: trivial-rewrite flags the address as a syntax error");
        }

        return null;
    }

    /// <summary>The address class of a remote domain: virtual alias, virtual mailbox, relay or default (<c>resolve_addr()</c>).</summary>
    private (AddressClass Class, string Transport, string Nexthop, string? Unknown, string? Failure) ClassifyDomain(string domain, List<string> notes)
    {
        string? unknown = null;
        string? failure = null;
        var virtualAlias = MatchLists.MatchString(_tables, "virtual_alias_domains", _settings.Get("virtual_alias_domains"), domain);
        var virtualMailbox = virtualAlias.Outcome == MatchOutcome.Match
            ? MatchListResult.None
            : MatchLists.MatchString(_tables, "virtual_mailbox_domains", _settings.Get("virtual_mailbox_domains"), domain);
        var relay = virtualAlias.Outcome == MatchOutcome.Match || virtualMailbox.Outcome == MatchOutcome.Match
            ? MatchListResult.None
            : MatchLists.MatchDomain(_tables, "relay_domains", _settings.Get("relay_domains"), domain, ParentStyle("relay_domains"));
        foreach (var (name, result) in new[] { ("virtual_alias_domains", virtualAlias), ("virtual_mailbox_domains", virtualMailbox), ("relay_domains", relay) })
        {
            if (result.Outcome == MatchOutcome.Error)
            {
                failure ??= $"{name} lookup failure: {result.Detail}";
            }
            else if (result.Outcome == MatchOutcome.Unknown)
            {
                unknown ??= $"{name}: {result.Detail}";
            }

            if (result.Outcome != MatchOutcome.NoMatch)
            {
                break;
            }
        }

        if (virtualAlias.Outcome == MatchOutcome.Match)
        {
            notes.Add($"address class virtual alias: {domain} is in virtual_alias_domains ({_settings.Origin("virtual_alias_domains")})");
            var nexthop = _settings.GetBool("show_user_unknown_table_name") ? "5.1.1 User unknown in virtual alias table" : "5.1.1 User unknown";
            return (AddressClass.VirtualAlias, "error", nexthop, unknown, failure);
        }

        if (virtualMailbox.Outcome == MatchOutcome.Match)
        {
            var (transport, nexthop) = Transport("virtual_transport", domain);
            notes.Add($"address class virtual mailbox: {domain} is in virtual_mailbox_domains ({_settings.Origin("virtual_mailbox_domains")})");
            return (AddressClass.VirtualMailbox, transport, nexthop, unknown, failure);
        }

        if (relay.Outcome == MatchOutcome.Match)
        {
            var (transport, nexthop) = Transport("relay_transport", domain);
            notes.Add($"address class relay: {domain} matches relay_domains pattern {relay.Pattern} ({_settings.Origin("relay_domains")})");
            return (AddressClass.Relay, transport, nexthop, unknown, failure);
        }

        var (defaultTransport, defaultNexthop) = Transport("default_transport", domain);
        notes.Add($"{domain} is not in mydestination ({Show(_settings.Get("mydestination"))}), "
                  + $"virtual_alias_domains ({Show(_settings.Get("virtual_alias_domains"))}), "
                  + $"virtual_mailbox_domains ({Show(_settings.Get("virtual_mailbox_domains"))}) "
                  + $"or relay_domains ({Show(_settings.Get("relay_domains"))}): address class default (remote)");
        return (AddressClass.Default, defaultTransport, defaultNexthop, unknown, failure);
    }

    private ResolvedAddress Failed(string given, string domain, MatchListResult result, List<string> notes)
    {
        return new ResolvedAddress(given.ToLowerInvariant(), domain.ToLowerInvariant(), AddressClass.Default, false, "", "")
        {
            Failure = result.Outcome == MatchOutcome.Error ? $"mydestination lookup failure: {result.Detail}" : null,
            Unknown = result.Outcome == MatchOutcome.Unknown ? $"mydestination: {result.Detail}" : null,
            Explanation = string.Join("; ", notes),
        };
    }

    internal bool ParentStyle(string name) =>
        _settings.GetList("parent_domain_matches_subdomains").Contains(name);

    private static string Show(string value) => value.Length == 0 ? "empty" : value;

    private (string Transport, string Nexthop) Transport(string parameter, string domain)
    {
        var value = _settings.Get(parameter);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (value, domain) : (value[..colon], colon + 1 < value.Length ? value[(colon + 1)..] : domain);
    }

    /// <summary>
    /// The internal form of an envelope address as smtpd.c extract_addr() makes it: a source route dropped, then
    /// tok822_parse() and tok822_internalize(): quoted strings lose their quotes, a backslash quotes the next character
    /// (inside and outside quotes, so <c>ro\ot</c> and <c>"ro\ot"</c> are <c>root</c>), and comments are moved out of
    /// the address (so <c>root(comment)@example.com</c> is <c>root@example.com</c>; strict_rfc821_envelopes refuses
    /// them as text outside the address before this runs).
    /// </summary>
    internal static string Internalize(string address)
    {
        var text = address.Trim();
        if (text.StartsWith('<') && text.EndsWith('>'))
        {
            text = text[1..^1];
        }

        // RFC 821 source route "@a,@b:user@domain": extract_addr() truncates it before tok822_parse().
        if (text.StartsWith('@') && text.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
        {
            text = text[(colon + 1)..];
        }

        if (text.AsSpan().IndexOfAny("\\\"(") < 0)
        {
            return text;
        }

        var result = new System.Text.StringBuilder(text.Length);
        var quoted = false;
        var comment = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\\')
            {
                // tok822_parse.c COLLECT(): the backslash is dropped and the next character taken as is (a trailing
                // backslash ends the token); white space in a token becomes a space.
                if (++i < text.Length && comment == 0)
                {
                    result.Append(text[i] is '\t' or '\r' or '\n' ? ' ' : text[i]);
                }
            }
            else if (comment > 0)
            {
                comment += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            }
            else if (quoted)
            {
                if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    result.Append(ch is '\t' or '\r' or '\n' ? ' ' : ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == '(')
            {
                comment = 1;
            }
            else
            {
                result.Append(ch);
            }
        }

        return result.ToString();
    }

    /// <summary>rewrite_clnt "local" context: append <c>@$myorigin</c> and <c>.$mydomain</c> as configured.</summary>
    private string Canonicalize(string address)
    {
        if (address.Length == 0)
        {
            return address;
        }

        if (!address.Contains('@', StringComparison.Ordinal))
        {
            var rewritten = RewriteRouting(address, _settings.GetBool("allow_percent_hack"), _settings.GetBool("swap_bangpath"));
            if (rewritten == address && _settings.GetBool("append_at_myorigin"))
            {
                rewritten = address + "@" + _settings.Get("myorigin");
            }

            address = rewritten;
        }

        var at = address.LastIndexOf('@');
        if (at >= 0 && _settings.GetBool("append_dot_mydomain"))
        {
            var domain = address[(at + 1)..];
            if (domain.Length > 0 && !domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('['))
            {
                address = address + "." + _settings.Get("mydomain");
            }
        }

        return address;
    }

    /// <summary>One step of rewrite_tree() for routing operators: <c>a@b</c> stays, <c>host!user</c> → <c>user@host</c>, <c>user%host</c> → <c>user@host</c>.</summary>
    private static string RewriteRouting(string address, bool percentHack, bool swapBangpath)
    {
        if (address.Contains('@', StringComparison.Ordinal))
        {
            return address;
        }

        if (swapBangpath)
        {
            var bang = address.IndexOf('!', StringComparison.Ordinal);
            if (bang > 0)
            {
                return address[(bang + 1)..] + "@" + address[..bang];
            }
        }

        if (percentHack)
        {
            var percent = address.LastIndexOf('%');
            if (percent > 0)
            {
                return address[..percent] + "@" + address[(percent + 1)..];
            }
        }

        return address;
    }
}
