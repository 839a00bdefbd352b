using PostfixLint.Analysis.Relay;
using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Relay;

/// <summary>PFL503: the policy says a client may relay and it can't, or must not relay and it can.</summary>
internal sealed class RelayIntentViolated : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL503", "relay-intent-violated", "A client's relay access differs from what the policy intends",
        DiagnosticSeverity.Error, RuleCategory.Relay);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var violations = context.PolicyEvaluation.Violations
            .Where(v => v.Kind is PolicyIntentKind.MayRelay or PolicyIntentKind.MustNotRelay && !PolicyClaims.IsClaimed(context, v));
        foreach (var group in violations.GroupBy(v => (v.Kind, v.Position, At: At(context, v))))
        {
            var violation = group.First();
            var more = group.Count() > 1 ? $" (and {group.Count() - 1} more address ranges of the same intent)" : "";
            context.Report(Meta, $"{violation.Message}{more} ({PolicyClaims.Where(context, violation.Position)})", group.Key.At,
                help: violation.Kind == PolicyIntentKind.MayRelay
                    ? "let the client relay: add it to mynetworks, or have it authenticate with SASL"
                    : "stop trusting the client: narrow mynetworks or the access table that permits it",
                notes: RelayFindings.Trace(violation.Result));
        }
    }

    private static Model.SourceLocation? At(RuleContext context, PolicyViolation violation) =>
        violation.ClientClass is { } client
            ? RelayFindings.At(context, violation.Deciding, context.Listeners.FirstOrDefault(l => l.Service == violation.Probe.Service)?.MasterService, client.Representative)
            : RelayFindings.At(violation.Deciding);
}
