namespace PostfixLint.Syntax;

/// <summary>A <c>-o name=value</c> parameter override of a master.cf service, as <c>postconf -P</c> sees it.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Value">The value (for <c>-o { name = value }</c>, trimmed as <c>split_nameval()</c> does).</param>
/// <param name="NameSpan">Where the name is.</param>
/// <param name="ValueSpan">Where the value is (empty, after <c>=</c>, when the value is empty); may cross lines.</param>
/// <param name="Span">From the <c>-o</c> to the end of the value's word.</param>
public sealed record ServiceOverrideSyntax(string Name, string Value, TextSpan NameSpan, TextSpan ValueSpan, TextSpan Span)
{
    /// <summary>The pieces <see cref="Value"/> is made of, one per physical line it touches.</summary>
    internal SourcePiece[] ValuePieces { get; init; } = [];

    /// <summary>The source span of <c>Value[start..end)</c>, which may cross line endings (as in <c>-o { name = a,\n b }</c>).</summary>
    public TextSpan ToSourceSpan(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, Value.Length);
        return ValuePieces.Length == 0
            ? new TextSpan(ValueSpan.Start + start, end - start)
            : SourcePiece.ToSourceSpan(ValuePieces, start, end);
    }
}
