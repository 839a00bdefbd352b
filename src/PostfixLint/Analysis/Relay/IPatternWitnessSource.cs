namespace PostfixLint.Analysis.Relay;

/// <summary>Derives strings that a <c>regexp:</c> or <c>pcre:</c> table pattern matches, so the proof can probe with them.</summary>
/// <remarks>
/// The seam for an automaton-based generator (e.g. Fare, a port of dk.brics.automaton): the default,
/// <see cref="ShortestPatternWitnesses"/>, handles the common shapes of table patterns and says nothing for the rest.
/// </remarks>
public interface IPatternWitnessSource
{
    /// <summary>Strings the pattern matches (none when it cannot derive one); each must really match.</summary>
    /// <param name="body">The regular expression between the delimiters, as written.</param>
    /// <param name="flags">The flag letters after the closing delimiter (<c>i</c> toggles case sensitivity, ...).</param>
    /// <param name="pcre">True for a <c>pcre:</c> table, false for <c>regexp:</c> (POSIX extended).</param>
    IReadOnlyList<string> Witnesses(string body, string flags, bool pcre);
}
