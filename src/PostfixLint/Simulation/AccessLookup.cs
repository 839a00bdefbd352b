using PostfixLint.Model.Tables;

namespace PostfixLint.Simulation;

/// <summary>
/// Key derivation for table searches as smtpd does them: <c>maps_find()</c> (partial keys only for fixed-key tables),
/// <c>mail_addr_find_strategy()</c> (<c>src/global/mail_addr_find.c</c>) and the domain/address walks of
/// <c>check_domain_access()</c> and <c>check_addr_access()</c>.
/// </summary>
internal static class AccessLookup
{
    [Flags]
    public enum Strategy
    {
        Full = 1,
        NoExtension = 2,
        LocalpartIfLocal = 4,
        AtDomain = 8,
        Domain = 16,
        ParentDomains = 32,
        DotParentDomains = 64,
        LocalpartAt = 128,

        /// <summary>MA_FIND_DEFAULT: sender login maps, recipient maps.</summary>
        Default = Full | NoExtension | LocalpartIfLocal | AtDomain,
    }

    /// <summary>maps_find(): tables in order; a partial key skips pattern tables; the first hit or error ends the search.</summary>
    public static LookupHit MapsFind(IReadOnlyList<ILookupTable> maps, string key, bool partial, List<string>? tried = null)
    {
        tried?.Add(key);
        foreach (var table in maps)
        {
            if (partial && !table.IsFixedKey)
            {
                continue;
            }

            // Tables hold one char per byte: a UTF-8 key (a probe's address is decoded text) is looked up as its bytes.
            var lookup = table.Lookup(Syntax.Tables.TableText.Utf8Chars(key));
            if (lookup.Status == TableLookupStatus.NotFound)
            {
                continue;
            }

            if (lookup.Status == TableLookupStatus.Found && lookup.Value is { Length: 0 })
            {
                // src/global/maps.c maps_find(): an empty result is a configuration error.
                return new LookupHit(TableLookupStatus.Error, null, key, table, null);
            }

            var source = lookup.Source is null ? table.Spec : lookup.Line > 0 ? $"{lookup.Source}:{lookup.Line}" : lookup.Source;
            return new LookupHit(lookup.Status, lookup.Value, key, table, source) { Entry = lookup };
        }

        return LookupHit.NotFound;
    }

    /// <summary>mail_addr_find_strategy() over an internal-form, case-folded <c>user[+ext]@domain</c>.</summary>
    public static LookupHit MailAddrFind(IReadOnlyList<ILookupTable> maps, string address, Strategy strategy, string recipientDelimiter, Func<string, bool> isLocal)
    {
        var tried = new List<string>();
        var at = address.LastIndexOf('@');
        var local = at >= 0 ? address[..at] : address;
        var domain = at >= 0 ? address[(at + 1)..] : null;
        string? bareLocal = null;
        if (recipientDelimiter.Length > 0 && (strategy & Strategy.NoExtension) != 0)
        {
            var split = local.AsSpan().IndexOfAny(recipientDelimiter);
            if (split > 0)
            {
                bareLocal = local[..split];
            }
        }

        LookupHit Done(LookupHit hit) => hit with { KeysTried = tried };

        if ((strategy & Strategy.Full) != 0)
        {
            var hit = MapsFind(maps, address, partial: false, tried);
            if (hit.Status != TableLookupStatus.NotFound)
            {
                return Done(hit);
            }
        }

        if (bareLocal is not null)
        {
            var hit = MapsFind(maps, domain is null ? bareLocal : bareLocal + "@" + domain, partial: true, tried);
            if (hit.Status != TableLookupStatus.NotFound)
            {
                return Done(hit);
            }
        }

        if (domain is not null && (strategy & Strategy.LocalpartIfLocal) != 0 && isLocal(domain))
        {
            var hit = FindLocal(maps, local, bareLocal, "", tried);
            if (hit.Status != TableLookupStatus.NotFound)
            {
                return Done(hit);
            }
        }

        if (domain is not null && (strategy & Strategy.AtDomain) != 0)
        {
            var hit = MapsFind(maps, "@" + domain, partial: true, tried);
            if (hit.Status != TableLookupStatus.NotFound)
            {
                return Done(hit);
            }
        }

        if (domain is not null && (strategy & Strategy.Domain) != 0)
        {
            var name = domain;
            while (name.Length > 0)
            {
                var hit = MapsFind(maps, name, partial: true, tried);
                if (hit.Status != TableLookupStatus.NotFound)
                {
                    return Done(hit);
                }

                if ((strategy & (Strategy.ParentDomains | Strategy.DotParentDomains)) == 0)
                {
                    break;
                }

                var next = name.IndexOf('.', 1);
                if (next < 0)
                {
                    break;
                }

                name = (strategy & Strategy.DotParentDomains) != 0 ? name[next..] : name[(next + 1)..];
            }
        }

        if ((strategy & Strategy.LocalpartAt) != 0)
        {
            var hit = FindLocal(maps, local, bareLocal, "@", tried);
            if (hit.Status != TableLookupStatus.NotFound)
            {
                return Done(hit);
            }
        }

        return Done(LookupHit.NotFound);
    }

    private static LookupHit FindLocal(IReadOnlyList<ILookupTable> maps, string local, string? bareLocal, string suffix, List<string> tried)
    {
        var hit = MapsFind(maps, local + suffix, partial: true, tried);
        if (hit.Status != TableLookupStatus.NotFound || bareLocal is null)
        {
            return hit;
        }

        return MapsFind(maps, bareLocal + suffix, partial: true, tried);
    }

    /// <summary>The keys <c>check_domain_access()</c> tries: the name, then parent domains (not for numeric names).</summary>
    public static IEnumerable<(string Key, bool Partial)> DomainKeys(string domain, bool parentStyle, bool numeric)
    {
        var name = domain;
        var partial = false;
        while (name.Length > 0)
        {
            yield return (name, partial);
            if (numeric)
            {
                yield break;
            }

            var next = name.IndexOf('.', 1);
            if (next < 0)
            {
                yield break;
            }

            name = parentStyle ? name[(next + 1)..] : name[next..];
            partial = true;
        }
    }

    /// <summary>The keys <c>check_addr_access()</c> tries: the address, then shorter prefixes split at <c>.</c> (IPv4) or <c>:</c> (IPv6).</summary>
    public static IEnumerable<(string Key, bool Partial)> AddressKeys(string address)
    {
        var delimiter = address.Contains(':', StringComparison.Ordinal) ? ':' : '.';
        var key = address;
        var partial = false;
        while (true)
        {
            yield return (key, partial);
            partial = true;
            var split = key.LastIndexOf(delimiter);
            if (split <= 0)
            {
                yield break;
            }

            key = key[..split];
        }
    }
}
