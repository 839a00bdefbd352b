using System.Net;

namespace PostfixLint.Analysis.Relay;

/// <summary>One <c>mayRelay</c> or <c>mustNotRelay</c> entry of a relay policy: a client range, on a listener, optionally logged in.</summary>
/// <param name="ClientText">The <c>client</c> value as written (an address or a CIDR block).</param>
/// <param name="Client">The client range; a single address is a /32 or /128 network.</param>
/// <param name="Service">The master.cf service the client connects to; <c>smtp</c> when the entry names none.</param>
/// <param name="SaslLogin">The SASL login the client authenticates as, or null for an unauthenticated client.</param>
/// <param name="Position">Where the entry is in the policy file.</param>
public sealed record RelayIntent(string ClientText, IPNetwork Client, string Service, string? SaslLogin, PolicyPosition Position);
