namespace PostfixLint.Syntax;

/// <summary>A half-open range <c>[Start, Start + Length)</c> of UTF-16 code units in a source text.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters covered.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>True when the span covers no characters.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>Creates a span from its start and its exclusive end.</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>True when <paramref name="offset"/> lies inside the span.</summary>
    public bool Contains(int offset) => offset >= Start && offset < End;

    /// <summary>True when the two spans share at least one character.</summary>
    public bool OverlapsWith(TextSpan other) => Math.Max(Start, other.Start) < Math.Min(End, other.End);

    /// <summary>Moves the span by <paramref name="delta"/> characters.</summary>
    public TextSpan Shift(int delta) => new(Start + delta, Length);

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End})";
}
