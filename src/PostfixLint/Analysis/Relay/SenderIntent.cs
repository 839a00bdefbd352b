using System.Collections.Immutable;

namespace PostfixLint.Analysis.Relay;

/// <summary>One <c>senders</c> entry of a relay policy: which MAIL FROM addresses a SASL login may and may not use.</summary>
/// <param name="SaslLogin">The SASL login name.</param>
/// <param name="May">Sender addresses the login must be allowed to use.</param>
/// <param name="MayNot">Sender addresses the login must not be allowed to use.</param>
/// <param name="Position">Where the entry is in the policy file.</param>
public sealed record SenderIntent(string SaslLogin, ImmutableArray<string> May, ImmutableArray<string> MayNot, PolicyPosition Position);
