namespace PostfixLint.Model.Tables;

/// <summary>One Postfix lookup table (<c>type:name</c>) as smtpd would query it.</summary>
public interface ILookupTable
{
    /// <summary>The table as written, e.g. <c>hash:/etc/postfix/access</c>.</summary>
    string Spec { get; }

    /// <summary>True for fixed-key tables (hash, texthash, inline, ...), false for pattern tables (regexp, pcre, cidr).</summary>
    bool IsFixedKey { get; }

    /// <summary>Whether the contents are known, unknown (SQL, LDAP, ...) or unavailable.</summary>
    TableContents Contents { get; }

    /// <summary>Why the table is unavailable, worded as smtpd logs it; null otherwise.</summary>
    string? UnavailableReason { get; }

    /// <summary>Looks up <paramref name="key"/> with the table's own case folding and matching rules.</summary>
    TableLookup Lookup(string key);
}
