using PostfixLint.Model.Tables;

namespace PostfixLint.Simulation;

/// <summary>Settings for <see cref="RelaySimulator"/>.</summary>
public sealed record SimulatorOptions
{
    /// <summary>The passwd file that lists local users (<c>unix:passwd.byname</c>); null uses this machine's <c>/etc/passwd</c>.</summary>
    public string? PasswdFile { get; init; }

    /// <summary>When true, no passwd file is used at all: answers that depend on local users are <see cref="Decision.Unknown"/>.</summary>
    public bool NoPasswd { get; init; }

    /// <summary>Opens lookup tables; null uses <see cref="LookupTableFactory"/> over the configuration.</summary>
    public Func<string, ILookupTable>? OpenTable { get; init; }

    /// <summary>
    /// Read lookup tables as a live server has them (see <see cref="LookupTableOptions.AsDeployed"/>): a missing
    /// database answers Postfix's lookup failure, a stale one is named in the warnings and the trace.
    /// </summary>
    public bool AsDeployed { get; init; }

    /// <summary>Skip the "can this client reach the listener" checks, as a test harness that impersonates clients with XCLIENT does.</summary>
    public bool AssumeReachable { get; init; }

    /// <summary>
    /// The server address clients connect to; when set, a listener is reachable only if it listens there
    /// (<c>inet_interfaces</c>, or the host part of a <c>host:port</c> service). When null, a listener that listens on
    /// loopback addresses only is unreachable for non-loopback clients.
    /// </summary>
    public string? ServerAddress { get; init; }

    /// <summary>
    /// The run's open table files, shared by every table set and table factory built with these options (and by the
    /// map rules' scans); null gives each table set its own.
    /// </summary>
    internal TableFiles? Files { get; init; }
}
