using System.Collections.Immutable;
using System.Net;

namespace PostfixLint.Analysis.Relay;

/// <summary>What the administrator intends: who may relay, who must not, and which senders each SASL login may use.</summary>
/// <param name="MayRelay">Clients that must be able to relay (to a domain this server is not responsible for).</param>
/// <param name="MustNotRelay">Clients that must not be able to relay; the <paramref name="MayRelay"/> ranges are carved out of these.</param>
/// <param name="Senders">SASL logins with the MAIL FROM addresses they may and may not use.</param>
public sealed record RelayPolicy(ImmutableArray<RelayIntent> MayRelay, ImmutableArray<RelayIntent> MustNotRelay, ImmutableArray<SenderIntent> Senders)
{
    /// <summary>A policy with no entries.</summary>
    public static RelayPolicy Empty { get; } = new([], [], []);

    /// <summary>True when <paramref name="address"/> lies in some <c>mayRelay</c> range (on any service).</summary>
    public bool Trusts(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return MayRelay.Any(intent => intent.Client.Contains(address));
    }
}
