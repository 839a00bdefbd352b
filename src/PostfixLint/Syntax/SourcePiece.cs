namespace PostfixLint.Syntax;

/// <summary>A contiguous piece of a joined string and where it came from in the source.</summary>
/// <param name="Offset">Offset of the piece in the joined string.</param>
/// <param name="SourceStart">Offset of the piece in the source text.</param>
/// <param name="Length">Length of the piece.</param>
internal readonly record struct SourcePiece(int Offset, int SourceStart, int Length);
