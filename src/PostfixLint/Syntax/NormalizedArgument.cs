namespace PostfixLint.Syntax;

/// <summary>One argument after postconf's normalization, kept as offsets into the logical line.</summary>
/// <param name="Start">Logical start of the text (after the synthetic dash, when there is one).</param>
/// <param name="End">Logical end of the text.</param>
/// <param name="Dash">True when postconf made this argument by prefixing <c>-</c> to a split-off tail (<c>"-stuffozz"</c> → <c>"-ozz"</c>).</param>
/// <param name="NameStart">For a normalized <c>{ name = value }</c>: start of the name, else -1.</param>
/// <param name="NameEnd">End of the name.</param>
/// <param name="ValueStart">Start of the value.</param>
/// <param name="ValueEnd">End of the value.</param>
/// <param name="OuterEnd">End of the word as written (past a closing <c>}</c> that extraction removed).</param>
internal readonly record struct NormalizedArgument(
    int Start, int End, bool Dash, int NameStart, int NameEnd, int ValueStart, int ValueEnd, int OuterEnd)
{
    public static NormalizedArgument Range(int start, int end, bool dash) => new(start, end, dash, -1, -1, -1, -1, end);

    /// <summary>The logical offset of char <paramref name="index"/> of <see cref="GetText"/> (not the synthetic dash).</summary>
    public int ToLogical(int index) => Start + index - (Dash ? 1 : 0);

    /// <summary>The argument as postconf holds it.</summary>
    public string GetText(ReadOnlySpan<char> line)
    {
        if (NameStart >= 0)
        {
            return string.Concat(line[NameStart..NameEnd], "=", line[ValueStart..ValueEnd]);
        }

        return Dash ? string.Concat("-", line[Start..End]) : line[Start..End].ToString();
    }
}
