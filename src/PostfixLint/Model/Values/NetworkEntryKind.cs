namespace PostfixLint.Model.Values;

/// <summary>What a network list element is, as <c>match_list_parse()</c> and <c>match_hostaddr()</c> see it.</summary>
public enum NetworkEntryKind
{
    /// <summary>A bare IPv4 address or <c>[IPv4]</c>, matched by exact string comparison.</summary>
    Address,

    /// <summary>A CIDR block (<c>a.b.c.d/len</c>, <c>[v6]/len</c>, <c>[v6/len]</c>) or bracketed IPv6 address (<c>[v6]</c>, all bits).</summary>
    Network,

    /// <summary>An address-like pattern that <c>cidr_match_parse()</c> rejects; see <see cref="NetworkEntry.Error"/>.</summary>
    InvalidNetwork,

    /// <summary>A host or domain name pattern.</summary>
    Hostname,

    /// <summary>A <c>/file/name</c> whose lines are read as more patterns.</summary>
    File,

    /// <summary>A <c>type:table</c> lookup table.</summary>
    Table,
}
