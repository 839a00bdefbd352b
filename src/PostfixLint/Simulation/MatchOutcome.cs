namespace PostfixLint.Simulation;

/// <summary>The outcome of matching a name or address against a Postfix match list.</summary>
internal enum MatchOutcome
{
    NoMatch,
    Match,
    Error,
    Unknown,
}
