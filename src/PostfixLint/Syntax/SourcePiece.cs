namespace PostfixLint.Syntax;

/// <summary>A contiguous piece of a joined string and where it came from in the source.</summary>
/// <param name="Offset">Offset of the piece in the joined string.</param>
/// <param name="SourceStart">Offset of the piece in the source text.</param>
/// <param name="Length">Length of the piece.</param>
internal readonly record struct SourcePiece(int Offset, int SourceStart, int Length)
{
    /// <summary>The source offset of the char at <paramref name="offset"/> of the joined string; its length maps just past the last piece.</summary>
    public static int ToSourceOffset(ReadOnlySpan<SourcePiece> pieces, int offset)
    {
        foreach (var piece in pieces)
        {
            if (offset < piece.Offset + piece.Length)
            {
                return piece.SourceStart + (offset - piece.Offset);
            }
        }

        var last = pieces[^1];
        return last.SourceStart + last.Length;
    }

    /// <summary>The source span of <c>[start, end)</c> of the joined string, which may cross line endings.</summary>
    public static TextSpan ToSourceSpan(ReadOnlySpan<SourcePiece> pieces, int start, int end) => start >= end
        ? new TextSpan(ToSourceOffset(pieces, start), 0)
        : TextSpan.FromBounds(ToSourceOffset(pieces, start), ToSourceOffset(pieces, end - 1) + 1);
}
