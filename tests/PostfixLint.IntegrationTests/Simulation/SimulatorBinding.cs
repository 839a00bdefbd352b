using PostfixLint.IntegrationTests.Instance;

namespace PostfixLint.IntegrationTests.Simulation;

/// <summary>Where the differential suite finds the simulator under test.</summary>
public static class SimulatorBinding
{
    /// <summary>
    /// The simulator: (scenario directory, probes) → one result per probe, in probe order. The scenario directory is a
    /// complete configuration directory (main.cf, optional master.cf, tables referred to as <c>/etc/postfix/NAME</c>).
    /// Null until the simulator is wired in (an adapter around <c>RelaySimulator</c>); the suite then fails loudly.
    /// </summary>
    public static Func<string, IReadOnlyList<Probe>, IReadOnlyList<ProbeResult>>? Simulate => null;
}
