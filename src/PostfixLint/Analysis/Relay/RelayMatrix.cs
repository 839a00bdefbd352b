using System.Collections.Immutable;

namespace PostfixLint.Analysis.Relay;

/// <summary>Who can relay to where on one listener: rows are client classes × authentication, columns are recipient classes.</summary>
/// <param name="Listener">The listener.</param>
/// <param name="Columns">The recipient classes; the remote one first.</param>
/// <param name="Rows">The client classes, unauthenticated first, then each login.</param>
public sealed record RelayMatrix(SmtpdListener Listener, ImmutableArray<RelayMatrixColumn> Columns, ImmutableArray<RelayMatrixRow> Rows);
