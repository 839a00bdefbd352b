using PostfixLint.Diagnostics;
using PostfixLint.Model.Values;

namespace PostfixLint.Analysis.Rules.Restrictions;

/// <summary>PFL210: a restriction with a missing or malformed argument (the model's <see cref="Restriction.Problem"/>), worded as smtpd logs it.</summary>
internal sealed class RestrictionArgumentInvalid : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL210", "restriction-argument-invalid", "A restriction's argument is missing or malformed",
        DiagnosticSeverity.Error, RuleCategory.Restrictions, FixAvailability.None);

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
                var location = item.Origin?.Location;

                // A bare type:table in a class means the access check of the list that invokes it: not a problem of the class.
                if (item.Problem is not { } problem || (list.IsClass && problem.Kind == RestrictionProblemKind.TableWithoutAccessCheck)
                    || (!reported.Add((location?.Path, location?.Span.Start ?? -1)) && location is not null))
                {
                    continue;
                }

                var effect = problem.IsServerError
                    ? "smtpd answers 451 4.3.5 Server configuration error to every client that gets here"
                    : "smtpd skips it";
                context.Report(Meta, $"`{item.FirstToken}` in {list.Label}: {effect} (warning: {problem.Warning})", item.Origin);
            }
        }
    }
}
