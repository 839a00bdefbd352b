using System.Collections.Immutable;
using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Explain;

/// <summary>One logged reject explained: the probe it implies, the simulator's answer, whether it reproduces the logged reply, and the cause.</summary>
/// <param name="Reject">The reject as logged.</param>
/// <param name="Service">The master.cf service the client talked to, from the syslog tag.</param>
/// <param name="Result">The simulator's answer to the implied probe (<see cref="SimulationResult.Probe"/>), trace included.</param>
/// <param name="SimulatedReply">The simulated reply to the command the log names; null when the simulated session never got one.</param>
/// <param name="Cause">The cause in plain words, e.g. <c>Relay access denied: 192.168.1.117 is not in mynetworks and did not authenticate</c>.</param>
internal sealed record LogExplanation(LoggedReject Reject, string Service, SimulationResult Result, string? SimulatedReply, string Cause)
{
    /// <summary>True when the simulator gives exactly the logged reply to the same command.</summary>
    public bool Reproduced => string.Equals(SimulatedReply, Reject.Reply, StringComparison.Ordinal);

    /// <summary>When not reproduced: what differs and the likely reason.</summary>
    public string? Difference { get; init; }

    /// <summary>The file:line to change (<c>main.cf:44</c>), when the configuration decides.</summary>
    public string? Location { get; init; }

    /// <summary>The <c>check</c> findings on this configuration that address the cause: <c>PFL203 permit-after-reject-unauth-destination</c>.</summary>
    public ImmutableArray<string> Rules { get; init; } = [];

    /// <summary>The <c>warning:</c> lines the same smtpd process logged just before the reject (without the prefix).</summary>
    public ImmutableArray<string> LoggedWarnings { get; init; } = [];
}
