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

    /// <summary>Skip the "can this client reach the listener" checks, as a test harness that impersonates clients with XCLIENT does.</summary>
    public bool AssumeReachable { get; init; }
}
