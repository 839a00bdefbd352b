using PostfixLint.Analysis.Relay;
using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Relay;

/// <summary>PFL504: the policy says a login may send as an address and can't, or may not and can.</summary>
internal sealed class SenderIntentViolated : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL504", "sender-intent-violated", "A login's right to use a sender address differs from what the policy intends",
        DiagnosticSeverity.Error, RuleCategory.Relay);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var violations = context.PolicyEvaluation.Violations
            .Where(v => v.Kind is PolicyIntentKind.SenderMay or PolicyIntentKind.SenderMayNot && !PolicyClaims.IsClaimed(context, v));
        foreach (var group in violations.GroupBy(v => (v.Kind, v.Position, At: At(context, v))))
        {
            var violation = group.First();
            var more = group.Count() > 1 ? $" (and {group.Count() - 1} more address ranges of the same intent)" : "";
            context.Report(Meta, $"{violation.Message}{more} ({PolicyClaims.Where(context, violation.Position)})", group.Key.At,
                help: "give the address to the login in smtpd_sender_login_maps (then run postmap), and reject mismatches with reject_sender_login_mismatch",
                notes: RelayFindings.Trace(violation.Result));
        }
    }

    private static Model.SourceLocation? At(RuleContext context, PolicyViolation violation) =>
        violation.ClientClass is { } client
            ? RelayFindings.At(context, violation.Deciding, context.Listeners.FirstOrDefault(l => l.Service == violation.Probe.Service)?.MasterService, client.Representative)
            : RelayFindings.At(violation.Deciding);
}
