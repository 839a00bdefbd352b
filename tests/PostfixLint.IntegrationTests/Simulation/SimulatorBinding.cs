using PostfixLint.IntegrationTests.Instance;
using PostfixLint.Model;
using PostfixLint.Simulation;
using Probe = PostfixLint.IntegrationTests.Instance.Probe;

namespace PostfixLint.IntegrationTests.Simulation;

/// <summary>Where the differential suite finds the simulator under test: <see cref="RelaySimulator"/>.</summary>
public static class SimulatorBinding
{
    /// <summary>
    /// The simulator: (scenario directory, probes) → one result per probe, in probe order. The scenario directory is a
    /// complete configuration directory (main.cf, optional master.cf, tables referred to as <c>/etc/postfix/NAME</c>).
    /// </summary>
    public static Func<string, IReadOnlyList<Probe>, IReadOnlyList<ProbeResult>>? Simulate { get; } = SimulateWithRelaySimulator;

    private static IReadOnlyList<ProbeResult> SimulateWithRelaySimulator(string directory, IReadOnlyList<Probe> probes)
    {
        var config = PostfixConfig.Load(directory);

        // The harness connects to 127.0.0.1 and impersonates clients with XCLIENT; local users come from this
        // machine's passwd file, as for the real instance.
        var simulator = new RelaySimulator(config, new SimulatorOptions { ServerAddress = "127.0.0.1" });
        return [.. probes.Select(probe => ToProbeResult(probe, simulator.Simulate(ToSimulationProbe(probe))))];
    }

    internal static PostfixLint.Simulation.Probe ToSimulationProbe(Probe probe) =>
        new(probe.ClientAddress, probe.Sender, probe.Recipient)
        {
            ClientName = probe.ClientName,
            Helo = probe.Helo,
            SaslLogin = probe.SaslLogin,
            Service = probe.Service,
            Tls = probe.Tls ?? false, // the harness does STARTTLS only when asked (a wrapper-mode probe says tls: true)
            ClientCert = probe.ClientCert,
            ClientCertPkey = probe.ClientCert is null ? null : TestClientCertificate.PkeyFingerprint,
            ClientCertCommonName = probe.ClientCert is null ? null : TestClientCertificate.CommonName,
            Smtputf8 = probe.Smtputf8,
            Id = probe.Id,
        };

    private static ProbeResult ToProbeResult(Probe probe, SimulationResult result) =>
        new(probe, ToDecision(result.Decision), ToStage(result.Stage))
        {
            ConnectReply = result.ConnectReply,
            HeloReply = result.HeloReply,
            AuthReply = result.AuthReply,
            MailFromReply = result.MailFromReply,
            RcptReply = result.RcptReply,
            Error = result.Error ?? result.UnknownReason,
        };

    private static ProbeDecision ToDecision(Decision decision) => decision switch
    {
        Decision.Accept => ProbeDecision.Accept,
        Decision.Defer => ProbeDecision.Defer,
        Decision.Reject => ProbeDecision.Reject,

        // "unreachable" is what the harness sees as a refused connection, its "error".
        // "unknown" has no counterpart in a real session: report it as an error so the comparison shows it.
        _ => ProbeDecision.Error,
    };

    private static ProbeStage ToStage(SmtpStage stage) => stage switch
    {
        SmtpStage.Connect => ProbeStage.Connect,
        SmtpStage.Helo => ProbeStage.Helo,
        SmtpStage.Mail => ProbeStage.Mail,
        _ => ProbeStage.Rcpt,
    };
}
