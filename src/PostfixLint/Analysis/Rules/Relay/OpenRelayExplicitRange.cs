using PostfixLint.Analysis.Relay;
using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Relay;

/// <summary>PFL502: a small public range the configuration lists explicitly can relay, and the policy does not say it may.</summary>
internal sealed class OpenRelayExplicitRange : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL502", "undeclared-relay-client", "A small public address range may relay but the policy does not declare it",
        DiagnosticSeverity.Warning, RuleCategory.Relay);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var counterexample in context.Proof.Counterexamples.Where(c => c.Exposure == RelayExposure.SmallExplicitRange))
        {
            context.Report(Meta,
                $"{counterexample.ClientClass} is a public address range that may relay on {counterexample.Listener.Service} "
                + $"({RelayFindings.Describe(counterexample.Deciding)}); declare it in the policy's mayRelay if that is intended",
                RelayFindings.At(context, counterexample.Deciding, counterexample.Listener.MasterService, counterexample.ClientClass.Representative),
                help: $"add {{ \"client\": \"{counterexample.ClientClass}\" }} to policy.mayRelay in .postfix-lint.json, or remove it from the configuration",
                notes: [$"reproduce: {counterexample.Swaks}"]);
        }
    }
}
