using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Relay;

/// <summary>One cell of the relay matrix: what a client class (logged in or not) gets for a recipient class.</summary>
/// <param name="Decision">The outcome.</param>
/// <param name="Reply">The final reply (RCPT TO, or MAIL FROM when that was refused); null for errors and unknown answers.</param>
/// <param name="Deciding">The restriction that decided, with its list and origin (<c>file:line</c>); null when none did.</param>
/// <param name="Detail">For <see cref="Decision.Error"/> the error, for <see cref="Decision.Unreachable"/> why the client cannot connect, for <see cref="Decision.Unknown"/> why the answer is not known; else null.</param>
public sealed record RelayMatrixCell(Decision Decision, string? Reply, TraceEntry? Deciding, string? Detail)
{
    /// <summary>The three-digit reply code, or null when there is no reply.</summary>
    public string? ReplyCode => Reply is { Length: >= 3 } reply ? reply[..3] : null;
}
