namespace PostfixLint.Syntax;

/// <summary>A 1-based line and column, computed for display only.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column, counted in UTF-16 code units.</param>
public readonly record struct LinePosition(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}
