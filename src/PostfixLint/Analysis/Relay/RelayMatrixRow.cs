using System.Collections.Immutable;

namespace PostfixLint.Analysis.Relay;

/// <summary>One row of the relay matrix: a client class, unauthenticated or logged in as one login.</summary>
/// <param name="Client">The client class.</param>
/// <param name="SaslLogin">The SASL login, or null for an unauthenticated client.</param>
/// <param name="Cells">One cell per column, in column order.</param>
public sealed record RelayMatrixRow(ClientClass Client, string? SaslLogin, ImmutableArray<RelayMatrixCell> Cells);
