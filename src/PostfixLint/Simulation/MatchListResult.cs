namespace PostfixLint.Simulation;

/// <summary>A match-list outcome with the pattern that decided it and an explanation.</summary>
/// <param name="Outcome">Match, no match, lookup error or unknown contents.</param>
/// <param name="Pattern">The deciding pattern, when one decided.</param>
/// <param name="Detail">The warning (for errors) or the reason (for unknown contents).</param>
internal sealed record MatchListResult(MatchOutcome Outcome, string? Pattern, string? Detail)
{
    public static MatchListResult None { get; } = new(MatchOutcome.NoMatch, null, null);
}
