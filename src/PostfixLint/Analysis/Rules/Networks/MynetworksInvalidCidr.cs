using System.Globalization;
using System.Net;
using PostfixLint.Diagnostics;
using PostfixLint.Model.Values;

namespace PostfixLint.Analysis.Rules.Networks;

/// <summary>
/// PFL106: a mynetworks entry that <c>cidr_match_parse()</c> rejects (host bits set, bad mask, bad network): smtpd
/// fails the lookup with 451 4.3.0 for every client of that family that reaches it.
/// </summary>
internal sealed class MynetworksInvalidCidr : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL106", "mynetworks-invalid-cidr", "mynetworks has a net/mask that Postfix rejects at run time",
        DiagnosticSeverity.Error, RuleCategory.Networks, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var scope in MynetworksScope.All(context))
        {
            foreach (var entry in scope.Entries)
            {
                if (entry.Kind != NetworkEntryKind.InvalidNetwork)
                {
                    continue;
                }

                // match_hostaddr() only parses a pattern for clients of the same family (both with or both without ':'),
                // and only when no earlier pattern matched; the parse error then fails the whole mynetworks lookup
                // (src/util/match_ops.c, src/smtpd/smtpd_check.c permit_mynetworks() -> reject_dict_retry()).
                var family = entry.Text.Contains(':', StringComparison.Ordinal) ? "IPv6" : "IPv4";
                var cleared = entry.Error?.StartsWith("non-null host address bits", StringComparison.Ordinal) == true ? ClearedHostBits(entry.Text) : null;
                context.Report(Meta,
                    $"mynetworks{MynetworksScope.DefaultNote(entry)}: {entry.Error}; every {family} client not matched by an earlier entry gets `451 4.3.0 <recipient>: Temporary lookup failure` from permit_mynetworks",
                    entry.Origin,
                    cleared is null ? null
                        // Unsafe: whether the admin meant the network or the single host is unknown.
                        : MynetworksScope.ReplacePattern(entry, $"Replace `{entry.Text}` with `{cleared}`", FixSafety.Unsafe, cleared),
                    help: cleared is null ? "write the network as address/prefix-length with the host bits cleared" : $"write the network address, `{cleared}` (or the single host without a mask)");
            }
        }
    }

    /// <summary>For <c>addr/len</c> or <c>[addr]/len</c> with only the host-bits problem: the same network with them cleared; otherwise null.</summary>
    private static string? ClearedHostBits(string text)
    {
        var slash = text.LastIndexOf('/');
        if (slash <= 0 || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return null;
        }

        var bracketed = text.StartsWith('[') && text[slash - 1] == ']';
        var addressText = bracketed ? text[1..(slash - 1)] : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || address.ToString().Contains('%', StringComparison.Ordinal))
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        if (length > bytes.Length * 8)
        {
            return null;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(length - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        var masked = new IPAddress(bytes);
        if (masked.Equals(address))
        {
            return null;
        }

        var written = masked.ToString();
        return bracketed ? $"[{written}]/{length}" : $"{written}/{length}";
    }
}
