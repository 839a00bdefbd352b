using System.Collections.Immutable;

namespace PostfixLint.Model.Tables;

/// <summary>Who owns a sender address according to <c>smtpd_sender_login_maps</c>.</summary>
/// <param name="Status">Found (owners known), NotFound (no owner), Unknown or Error.</param>
/// <param name="Owners">The SASL logins that own the address, split on commas and whitespace.</param>
/// <param name="Key">The lookup key that matched, or null.</param>
/// <param name="Table">The table that answered, or null.</param>
/// <param name="Source">The file of the matching entry, or null.</param>
/// <param name="Line">The 1-based line of the matching entry, or 0.</param>
internal sealed record SenderOwnership(
    TableLookupStatus Status, ImmutableArray<string> Owners, string? Key, string? Table, string? Source, int Line)
{
    /// <summary>True when <paramref name="login"/> is one of the owners (<c>strcasecmp_utf8()</c>).</summary>
    public bool IsOwnedBy(string login) =>
        Owners.Any(o => string.Equals(o, login, StringComparison.OrdinalIgnoreCase));
}
