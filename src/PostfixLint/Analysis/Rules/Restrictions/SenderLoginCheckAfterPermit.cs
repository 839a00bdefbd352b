using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Restrictions;

/// <summary>
/// PFL207: a sender-login check for authenticated clients placed after <c>permit_sasl_authenticated</c> in the same
/// list, so every authenticated client is accepted before its sender is checked.
/// </summary>
/// <remarks>
/// reject_authenticated_sender_login_mismatch acts only on authenticated clients, reject_known_sender_login_mismatch
/// and the built-in class reject_sender_login_mismatch check them too (<c>src/smtpd/smtpd_check.c</c>). reject_unlisted_sender
/// and reject_unauthenticated_sender_login_mismatch are not flagged: trusting authenticated clients before them is the
/// usual order and leaves them working for the clients they are for.
/// </remarks>
internal sealed class SenderLoginCheckAfterPermit : Rule
{
    private static readonly HashSet<string> s_checks = new(StringComparer.Ordinal)
    {
        "reject_authenticated_sender_login_mismatch", "reject_known_sender_login_mismatch", RestrictionLists.BuiltInClass,
    };

    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL207", "sender-login-check-after-permit", "A sender-login check comes after permit_sasl_authenticated",
        DiagnosticSeverity.Error, RuleCategory.Restrictions, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var reported = new HashSet<(string?, int)>();
        foreach (var list in RestrictionLists.All(context))
        {
            var items = list.Items;
            var permit = -1;
            for (var i = 0; i < items.Length; i++)
            {
                var item = items[i];
                var location = item.Origin?.Location;
                if (permit < 0 && !item.WarnIfReject && item.NormalizedName == "permit_sasl_authenticated")
                {
                    permit = i;
                }
                else if (permit >= 0 && IsLoginCheck(item.Name) && (reported.Add((location?.Path, location?.Span.Start ?? -1)) || location is null))
                {
                    // Unsafe: authenticated clients are checked against smtpd_sender_login_maps from now on, and an
                    // incomplete map rejects senders that are accepted today.
                    var fix = RestrictionLists.Move(context, list, item, items[permit], $"Move `{item.Name}` before `{items[permit].Name}`", FixSafety.Unsafe);
                    context.Report(Meta,
                        $"`{item.Name}` comes after `{items[permit].Name}` in {list.Label}: every authenticated client is accepted first, "
                        + "so no authenticated sender is ever checked against smtpd_sender_login_maps",
                        item.Origin, fix, help: $"put `{item.Name}` before `{items[permit].Name}`");
                }

                if (RestrictionLists.EndsList(item))
                {
                    break;
                }
            }
        }
    }

    // Restriction names are case-insensitive, the built-in class is looked up case-sensitively (htable_find()).
    private static bool IsLoginCheck(string name) =>
        s_checks.Contains(name) || (s_checks.Contains(name.ToLowerInvariant()) && name.ToLowerInvariant() != RestrictionLists.BuiltInClass);
}
