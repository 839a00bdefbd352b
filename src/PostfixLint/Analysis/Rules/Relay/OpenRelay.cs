using PostfixLint.Analysis.Relay;
using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Relay;

/// <summary>PFL501: a client the policy does not trust can relay to a domain this server is not responsible for.</summary>
internal sealed class OpenRelay : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL501", "open-relay", "An untrusted client can relay mail to any domain",
        DiagnosticSeverity.Error, RuleCategory.Relay)
    {
        IsCritical = true,
    };

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var proof = context.Proof;
        foreach (var group in proof.Counterexamples
                     .Where(c => c.Exposure != RelayExposure.SmallExplicitRange)
                     .GroupBy(c => (c.Listener, At: RelayFindings.At(context, c.Deciding, c.Listener.MasterService, c.ClientClass.Representative), c.Exposure)))
        {
            var counterexamples = group.ToList();
            var first = counterexamples[0];
            var through = first.SpoofedInput is { } input ? $" by sending {input}" : "";
            var more = counterexamples.Count > 1 ? $" (and {counterexamples.Count - 1} more address ranges)" : "";
            context.Report(Meta,
                $"open relay on {first.Listener.Service}: an unauthenticated client in {first.ClientClass}{more}{through} gets "
                + $"`{first.Reply}` for <{first.Probe.Recipient}>, a domain this server is not responsible for; "
                + $"let through by {RelayFindings.Describe(first.Deciding)}",
                group.Key.At,
                help: "trust clients by mynetworks only for your own networks, and make reject_unauth_destination decide for everyone else",
                notes:
                [
                    $"client {first.Probe.Client}, HELO {first.Probe.Helo ?? "(none)"}, MAIL FROM:<{first.Probe.Sender}>, RCPT TO:<{first.Probe.Recipient}> on {first.Listener.Service} ({first.Listener.Origin})",
                    $"reproduce: {first.Swaks}",
                    $"reproduce on a test server that allows XCLIENT: {first.SwaksXclient}",
                ]);
        }
    }
}
