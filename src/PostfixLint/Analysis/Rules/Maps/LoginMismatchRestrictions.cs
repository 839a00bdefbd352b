using System.Collections.Immutable;
using PostfixLint.Model;
using PostfixLint.Model.Values;

namespace PostfixLint.Analysis.Rules.Maps;

/// <summary>The <c>*_sender_login_mismatch</c> restrictions a listener's restriction lists (and the classes they name) contain.</summary>
internal static class LoginMismatchRestrictions
{
    /// <summary>Every restriction that consults <c>smtpd_sender_login_maps</c> (the built-in class included).</summary>
    public static readonly ImmutableArray<string> Names =
    [
        "reject_sender_login_mismatch", "reject_known_sender_login_mismatch",
        "reject_authenticated_sender_login_mismatch", "reject_unauthenticated_sender_login_mismatch",
    ];

    /// <summary>
    /// The restrictions named <see cref="Names"/> in the smtpd restriction lists of <paramref name="service"/> (null:
    /// main.cf's), following restriction classes of <c>smtpd_restriction_classes</c>.
    /// </summary>
    public static IEnumerable<Restriction> In(RuleContext context, MasterService? service)
    {
        var classes = context.SettingsOf(service).GetList("smtpd_restriction_classes").ToHashSet(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(ReferencedTables.RestrictionLists);
        while (pending.TryDequeue(out var list))
        {
            if (!visited.Add(list))
            {
                continue;
            }

            foreach (var restriction in context.Config.GetRestrictionList(list, service)?.Value ?? [])
            {
                if (Names.Contains(restriction.NormalizedName))
                {
                    yield return restriction;
                }
                else if (classes.Contains(restriction.Name))
                {
                    pending.Enqueue(restriction.Name);
                }
            }
        }
    }
}
