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
    public override void Check(RuleContext context) =>
        PolicyClaims.ReportUnclaimed(context, Meta, kind => kind is PolicyIntentKind.MayRelay or PolicyIntentKind.MustNotRelay,
            kind => kind == PolicyIntentKind.MayRelay
                ? "let the client relay: add it to mynetworks, or have it authenticate with SASL"
                : "stop trusting the client: narrow mynetworks or the access table that permits it");
}
