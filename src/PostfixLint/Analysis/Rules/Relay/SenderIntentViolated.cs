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
    public override void Check(RuleContext context) =>
        PolicyClaims.ReportUnclaimed(context, Meta, kind => kind is PolicyIntentKind.SenderMay or PolicyIntentKind.SenderMayNot,
            _ => "give the address to the login in smtpd_sender_login_maps (then run postmap), and reject mismatches with reject_sender_login_mismatch");
}
