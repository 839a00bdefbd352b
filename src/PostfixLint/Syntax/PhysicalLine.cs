namespace PostfixLint.Syntax;

/// <summary>One physical line of a source text.</summary>
/// <param name="Start">Offset of its first char.</param>
/// <param name="DataEnd">Offset of its <c>\n</c> (or the end of text): the bytes <c>readllines()</c> keeps, a CR included.</param>
/// <param name="ContentEnd">Like <paramref name="DataEnd"/>, but before the CR of a CRLF ending (tokens put that CR in <see cref="SyntaxKind.EndOfLine"/>).</param>
/// <param name="End">Offset just past its line ending.</param>
/// <param name="Kind">How Postfix treats the line.</param>
internal readonly record struct PhysicalLine(int Start, int DataEnd, int ContentEnd, int End, PhysicalLineKind Kind);
