using PostfixLint.Diagnostics;
using PostfixLint.Model;

namespace PostfixLint.Analysis.Rules.Relay;

/// <summary>PFL505: whether an untrusted client can relay depends on DNS answers, which a static check can't know.</summary>
internal sealed class RelayDependsOnDns : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL505", "relay-depends-on-dns", "Whether untrusted clients can relay depends on DNS",
        DiagnosticSeverity.Info, RuleCategory.Relay);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var group in context.Proof.DependsOnDns.GroupBy(d => (d.Listener, d.Reason)))
        {
            var first = group.First();
            var more = group.Count() > 1 ? $" (and {group.Count() - 1} more address ranges)" : "";
            context.Report(Meta,
                $"on {first.Listener.Service}, relaying for a client in {first.ClientClass}{more} depends on DNS: {first.Reason}",
                (SourceLocation?)null,
                help: "make sure the DNS-based restriction can't permit relaying, or declare the intended clients in the policy");
        }
    }
}
