using System.Collections.Immutable;
using PostfixLint.Diagnostics;
using PostfixLint.Model.Catalog;
using PostfixLint.Model.Values;
using PostfixLint.Simulation.Checks;

namespace PostfixLint.Analysis.Rules.Restrictions;

/// <summary>PFL205: a name in a restriction list that is neither a restriction smtpd knows nor a restriction class.</summary>
/// <remarks>
/// generic_checks() (<c>src/smtpd/smtpd_check.c</c>): "unknown smtpd restriction", then reject_server_error(): 451 4.3.5
/// Server configuration error for every client that gets that far. A name defined in main.cf but missing from
/// smtpd_restriction_classes is PFL209's.
/// </remarks>
internal sealed class UnknownRestriction : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL205", "unknown-restriction", "Unknown restriction name",
        DiagnosticSeverity.Error, RuleCategory.Restrictions, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var reported = new HashSet<(string?, int)>();
        foreach (var list in RestrictionLists.All(context))
        {
            foreach (var item in list.Items)
            {
                if (RestrictionLists.IsKnown(item) || list.Listener.Classes.ContainsKey(item.Name) || RestrictionLists.IsUserParameter(list, item.Name))
                {
                    continue;
                }

                var location = item.Origin?.Location;
                if (!reported.Add((location?.Path, location?.Span.Start ?? -1)) && location is not null)
                {
                    continue;
                }

                var names = RestrictionHandlers.Names.Concat(list.Listener.Classes.Keys).Distinct(StringComparer.Ordinal).ToImmutableArray();
                var suggestions = ParameterSuggester.Suggest(item.Name, names);
                var hint = suggestions.IsEmpty ? "" : $" (did you mean {string.Join(" or ", suggestions.Select(s => $"`{s}`"))}?)";
                context.Report(Meta,
                    $"unknown restriction `{item.Name}` in {list.Label}{hint}: smtpd answers 451 4.3.5 Server configuration error to every client that gets here",
                    item.Origin, ReplaceFix(item, suggestions),
                    help: suggestions.Length == 1 ? null : "use a restriction from postconf(5), or define a class in smtpd_restriction_classes");
            }
        }
    }

    private static Fix? ReplaceFix(Restriction item, ImmutableArray<string> suggestions)
    {
        if (suggestions.Length != 1 || item.Origin is not { IsExpanded: false, Location: { } location })
        {
            return null;
        }

        // Safe: the name does nothing but fail today (451 for everyone who reaches it), and there is exactly one close
        // name smtpd knows, so the fix makes the restriction do what its spelling says.
        return Fix.Create($"Replace `{item.Name}` with `{suggestions[0]}`", FixSafety.Safe, location.Path, TextEdit.Replace(location.Span, suggestions[0]));
    }
}
