using System.Collections.Immutable;

namespace PostfixLint.Analysis.Relay;

/// <summary>Every value a client controls that the configuration draws a line for, bounded, with the generic values first.</summary>
/// <param name="Clients">The client address classes.</param>
/// <param name="HeloNames">HELO names: the unknown one first, then each name the configuration's HELO-side tables and lists mention.</param>
/// <param name="Senders">MAIL FROM addresses: the remote one first, then the null sender (empty), a local one, then each address or domain the configuration names.</param>
/// <param name="Recipients">RCPT TO addresses: the remote one first, then each address or domain the configuration names (any class).</param>
/// <param name="SaslLogins">SASL logins: each login the policy or the login maps name, then an unknown one.</param>
/// <param name="ClientNames">Verified client hostnames the client-side tables and lists mention (they depend on DNS).</param>
public sealed record RelayInputs(
    ClientAddressSpace Clients,
    ImmutableArray<string> HeloNames,
    ImmutableArray<string> Senders,
    ImmutableArray<string> Recipients,
    ImmutableArray<string> SaslLogins,
    ImmutableArray<string> ClientNames)
{
    /// <summary>The HELO name no table mentions.</summary>
    public string UnknownHelo => HeloNames[0];

    /// <summary>A sender in a domain this server is not responsible for.</summary>
    public string RemoteSender => Senders[0];

    /// <summary>A recipient in a domain this server is not responsible for (not local, virtual or relay).</summary>
    public string RemoteRecipient => Recipients[0];

    /// <summary>The SASL login no table or policy mentions.</summary>
    public string UnknownLogin => SaslLogins[^1];

    /// <summary>Every network the configuration and the policy draw a boundary at (the classes are made from these).</summary>
    public ImmutableArray<System.Net.IPNetwork> Boundaries { get; init; } = [];

    /// <summary>Table patterns (<c>table, line N: /pattern/</c>) for which no witness string could be derived: their keys are not covered.</summary>
    public ImmutableArray<string> UncoveredPatterns { get; init; } = [];

    /// <summary>Dimensions cut to their bound (<c>senders: 512 named, 64 kept</c>): the proof covers the kept values only.</summary>
    public ImmutableArray<string> Truncations { get; init; } = [];
}
