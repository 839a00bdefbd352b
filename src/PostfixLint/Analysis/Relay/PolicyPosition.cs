namespace PostfixLint.Analysis.Relay;

/// <summary>A 1-based line and column (in characters) in a policy file.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column, counted in characters (UTF-16 units of the decoded text).</param>
public readonly record struct PolicyPosition(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}
