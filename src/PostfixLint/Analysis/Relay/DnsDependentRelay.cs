using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Relay;

/// <summary>An untrusted client whose relay answer depends on DNS (or another run-time source), so it is neither proven open nor closed.</summary>
/// <param name="Listener">The listener.</param>
/// <param name="ClientClass">The client class.</param>
/// <param name="Probe">The probe.</param>
/// <param name="Reason">Why the answer is not known, or what DNS must say for the client to relay.</param>
public sealed record DnsDependentRelay(SmtpdListener Listener, ClientClass ClientClass, Probe Probe, string Reason);
