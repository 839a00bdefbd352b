namespace PostfixLint.Syntax;

/// <summary>One <c>name = value</c> logical line of main.cf, with its value exactly as Postfix reads it.</summary>
/// <remarks>
/// <see cref="Value"/> is what <c>readllines()</c> + <c>split_nameval()</c> produce: continuation lines appended with
/// their leading whitespace, newlines dropped, skipped comment/blank lines left out, whitespace after <c>=</c> and at
/// the end trimmed, cut at a NUL. It can therefore span several physical lines; <see cref="ToSourceOffset"/> maps back.
/// </remarks>
public sealed record ParameterSyntax
{
    private readonly SourcePiece[] _valuePieces;

    internal ParameterSyntax(
        string name, TextSpan nameSpan, TextSpan equalsSpan, string value, TextSpan valueSpan, TextSpan span, int line,
        SourcePiece[] valuePieces)
    {
        Name = name;
        NameSpan = nameSpan;
        EqualsSpan = equalsSpan;
        Value = value;
        ValueSpan = valueSpan;
        Span = span;
        Line = line;
        _valuePieces = valuePieces;
    }

    /// <summary>The parameter name as Postfix sees it (a leading BOM's bytes included).</summary>
    public string Name { get; }

    /// <summary>Where the name is.</summary>
    public TextSpan NameSpan { get; }

    /// <summary>Where the <c>=</c> is.</summary>
    public TextSpan EqualsSpan { get; }

    /// <summary>The logical value.</summary>
    public string Value { get; }

    /// <summary>From the first to just past the last char of the value (empty, just after <c>=</c>, when the value is empty); may cross lines.</summary>
    public TextSpan ValueSpan { get; }

    /// <summary>The whole logical line, continuation lines included, final line ending excluded.</summary>
    public TextSpan Span { get; }

    /// <summary>The 1-based number of the first physical line (the line number Postfix reports).</summary>
    public int Line { get; }

    /// <summary>The source offset of the char at <paramref name="valueOffset"/> in <see cref="Value"/>; <c>Value.Length</c> maps just past the value.</summary>
    public int ToSourceOffset(int valueOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(valueOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(valueOffset, Value.Length);
        return SourcePiece.ToSourceOffset(_valuePieces, valueOffset);
    }

    /// <summary>The source span of <c>Value[start..end)</c>, which may cross line endings.</summary>
    public TextSpan ToSourceSpan(int start, int end) => start >= end
        ? new TextSpan(ToSourceOffset(start), 0)
        : TextSpan.FromBounds(ToSourceOffset(start), ToSourceOffset(end - 1) + 1);
}
