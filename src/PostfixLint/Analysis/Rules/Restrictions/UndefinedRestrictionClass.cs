using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Restrictions;

/// <summary>
/// PFL209: a restriction class without a definition (smtpd refuses to start), or a list that uses a parameter defined
/// in main.cf as if it were a class without listing it in smtpd_restriction_classes (451 at run time).
/// </summary>
internal sealed class UndefinedRestrictionClass : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL209", "undefined-restriction-class", "A restriction class is not defined",
        DiagnosticSeverity.Error, RuleCategory.Restrictions, FixAvailability.None);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var reported = new HashSet<(string?, int)>();
        NamesWithoutDefinition(context, reported);
        DefinitionsNotListed(context, reported);
    }

    /// <summary>smtpd_check_init(): "restriction class `%s' needs a definition" (fatal) for a listed name with an empty value.</summary>
    private static void NamesWithoutDefinition(RuleContext context, HashSet<(string?, int)> reported)
    {
        foreach (var service in RuleScopes.ParameterScopes(context, "smtpd_restriction_classes"))
        {
            var settings = context.SettingsOf(service);
            if (context.Config.GetList("smtpd_restriction_classes", service) is not { } classes)
            {
                continue;
            }

            foreach (var element in classes.Value)
            {
                var location = element.Origin?.Location;
                if (settings.Get(element.Text).Length > 0 || !reported.Add((location?.Path, location?.Span.Start ?? -1)))
                {
                    continue;
                }

                context.Report(Meta,
                    $"restriction class `{element.Text}` has no definition: smtpd refuses to start (fatal: restriction class `{element.Text}' needs a definition)",
                    element.Origin, help: $"define it in main.cf (`{element.Text} = ...`) or remove it from smtpd_restriction_classes");
            }
        }
    }

    /// <summary>A parameter used as a restriction without being a class: generic_checks() says "unknown smtpd restriction" (451).</summary>
    private static void DefinitionsNotListed(RuleContext context, HashSet<(string?, int)> reported)
    {
        foreach (var list in RestrictionLists.All(context))
        {
            foreach (var item in list.Items)
            {
                var location = item.Origin?.Location;
                if (RestrictionLists.IsKnown(item) || list.Listener.Classes.ContainsKey(item.Name) || !RestrictionLists.IsUserParameter(list, item.Name)
                    || !reported.Add((location?.Path, location?.Span.Start ?? -1)))
                {
                    continue;
                }

                context.Report(Meta,
                    $"`{item.Name}` in {list.Label} is defined ({context.Where(item.Name, list.Service)}) but not listed in smtpd_restriction_classes: "
                    + "smtpd treats it as an unknown restriction and answers 451 4.3.5 Server configuration error",
                    item.Origin, help: $"add `{item.Name}` to smtpd_restriction_classes");
            }
        }
    }
}
