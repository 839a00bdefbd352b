using System.Collections.Immutable;

namespace PostfixLint.Model.Tables;

/// <summary>The typed ownership view of <c>smtpd_sender_login_maps</c>: sender address → owning SASL logins.</summary>
/// <remarks>
/// smtpd_check.c calls <c>mail_addr_find(maps, address, 0)</c> (<c>src/global/mail_addr_find.c</c>, strategy
/// <c>MA_FIND_DEFAULT</c>, legacy forms): the full address (every table); then, with <c>recipient_delimiter</c>
/// set, the address without its extension; then, only when the domain is local (<c>$myorigin</c>,
/// <c>$mydestination</c>, interface literals), the bare localpart with and without extension; then <c>@domain</c>.
/// All but the first query go only to fixed-key tables (regexp, pcre and cidr see the full address only).
/// Each query tries the tables in order and stops at the first table that answers or fails. The address is the
/// one trivial-rewrite returns (<c>smtpd_resolve_addr()</c>); callers pass it already resolved.
/// </remarks>
internal sealed class SenderLoginMap
{
    private readonly ImmutableArray<ILookupTable> _tables;
    private readonly string _delimiters;
    private readonly Func<string, bool> _isLocalDomain;

    /// <summary>Creates the view.</summary>
    /// <param name="tables">The tables of <c>smtpd_sender_login_maps</c>, in order.</param>
    /// <param name="recipientDelimiter">The value of <c>recipient_delimiter</c> (each char is a delimiter).</param>
    /// <param name="isLocalDomain">Whether a domain is <c>$myorigin</c> or local per <c>resolve_local()</c>.</param>
    public SenderLoginMap(IEnumerable<ILookupTable> tables, string recipientDelimiter, Func<string, bool> isLocalDomain)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _tables = [.. tables];
        _delimiters = recipientDelimiter ?? string.Empty;
        _isLocalDomain = isLocalDomain ?? (_ => false);
    }

    /// <summary>The tables in order.</summary>
    public ImmutableArray<ILookupTable> Tables => _tables;

    /// <summary>Finds the owners of <paramref name="sender"/>.</summary>
    public SenderOwnership FindOwners(string sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var at = sender.LastIndexOf('@');
        var bare = StripExtension(sender, at);

        var result = Find(sender, fixedOnly: false);
        if (result.Status == TableLookupStatus.NotFound && bare is not null)
        {
            result = Find(bare, fixedOnly: true);
        }

        if (result.Status == TableLookupStatus.NotFound && at >= 0 && _isLocalDomain(sender[(at + 1)..]))
        {
            result = Find(sender[..at], fixedOnly: true);
            if (result.Status == TableLookupStatus.NotFound && bare is not null)
            {
                result = Find(bare[..bare.LastIndexOf('@')], fixedOnly: true);
            }
        }

        if (result.Status == TableLookupStatus.NotFound && at >= 0)
        {
            result = Find(sender[at..], fixedOnly: true);
        }

        return result;
    }

    private SenderOwnership Find(string key, bool fixedOnly)
    {
        // maps_find(): an empty key finds nothing.
        if (key.Length == 0)
        {
            return NotFound;
        }

        foreach (var table in _tables)
        {
            if (fixedOnly && !table.IsFixedKey)
            {
                continue;
            }

            var lookup = table.Lookup(key);
            switch (lookup.Status)
            {
                case TableLookupStatus.Found when lookup.Value!.Length == 0:
                    // maps_find(): an empty result is a configuration error (DICT_ERR_CONFIG).
                    return new SenderOwnership(TableLookupStatus.Error, [], key, table.Spec, lookup.Source, lookup.Line);
                case TableLookupStatus.Found:
                    // smtpd_check.c: mystrtok(&cp, CHARS_COMMA_SP).
                    var owners = lookup.Value!.Split([',', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
                    return new SenderOwnership(TableLookupStatus.Found, [.. owners], key, table.Spec, lookup.Source, lookup.Line);
                case TableLookupStatus.Error:
                case TableLookupStatus.Unknown:
                    return new SenderOwnership(lookup.Status, [], key, table.Spec, null, 0);
            }
        }

        return NotFound;
    }

    private static SenderOwnership NotFound { get; } = new(TableLookupStatus.NotFound, [], null, null, null, 0);

    // strip_addr_internal()/split_addr_internal(): cut the localpart at the first delimiter char, except for
    // postmaster, MAILER-DAEMON, double-bounce and (with '-' a delimiter) owner-* and *-request.
    private string? StripExtension(string address, int at)
    {
        if (_delimiters.Length == 0)
        {
            return null;
        }

        var local = at >= 0 ? address[..at] : address;
        if (local.Equals("postmaster", StringComparison.OrdinalIgnoreCase)
            || local.Equals("MAILER-DAEMON", StringComparison.OrdinalIgnoreCase)
            || local.Equals("double-bounce", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (_delimiters.Contains('-', StringComparison.Ordinal)
            && (local.StartsWith("owner-", StringComparison.OrdinalIgnoreCase)
                || (local.Length > 8 && local.EndsWith("-request", StringComparison.OrdinalIgnoreCase))))
        {
            return null;
        }

        var cut = local.AsSpan().IndexOfAny(_delimiters);
        if (cut <= 0)
        {
            return null;
        }

        return local[..cut] + (at >= 0 ? address[at..] : string.Empty);
    }
}
