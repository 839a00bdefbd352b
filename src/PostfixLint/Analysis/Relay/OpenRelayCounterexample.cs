using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Relay;

/// <summary>A probe that proves an open relay: an unauthenticated, untrusted client gets <c>250</c> for a remote recipient.</summary>
/// <param name="Listener">The listener that accepts.</param>
/// <param name="ClientClass">The client class the probe stands for; every address in it gets the same answer.</param>
/// <param name="Probe">The probe (client, HELO, sender, recipient).</param>
/// <param name="Reply">The RCPT TO reply, e.g. <c>250 2.1.5 Ok</c>.</param>
/// <param name="Deciding">The restriction that let the recipient through, from the trace; null when every list ended without a decision.</param>
/// <param name="Exposure">How far the open relay reaches.</param>
/// <param name="SpoofedInput">The freely chosen input that opens the relay (<c>HELO name "x"</c>), or null when the client needs none.</param>
public sealed record OpenRelayCounterexample(
    SmtpdListener Listener,
    ClientClass ClientClass,
    Probe Probe,
    string Reply,
    TraceEntry? Deciding,
    RelayExposure Exposure,
    string? SpoofedInput)
{
    /// <summary>A <c>swaks</c> command line that replays the probe against the live server from a client in the class.</summary>
    public string Swaks { get; init; } = "";

    /// <summary>The same command for an XCLIENT-enabled test server, impersonating the client address.</summary>
    public string SwaksXclient { get; init; } = "";
}
