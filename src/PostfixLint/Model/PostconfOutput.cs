using System.Collections.Immutable;
using PostfixLint.Diagnostics;

namespace PostfixLint.Model;

/// <summary>What <c>postconf</c> would print: the <c>name = value</c> lines and the warnings.</summary>
/// <param name="Lines">Output lines without line endings, in postconf's order.</param>
/// <param name="Messages">Warnings (and the fatal error, if any) in the order they were found, worded as postconf words them.</param>
/// <param name="Failed">True when postconf would stop with a fatal error (its exit status 1).</param>
public sealed record PostconfOutput(ImmutableArray<string> Lines, ImmutableArray<Diagnostic> Messages, bool Failed)
{
    /// <summary>
    /// True when the last of <see cref="Lines"/> is cut short and has no line ending: postconf stopped with a fatal error
    /// while printing, and only the full output buffers it had written reached standard output.
    /// </summary>
    public bool LastLineUnterminated { get; init; }
}
