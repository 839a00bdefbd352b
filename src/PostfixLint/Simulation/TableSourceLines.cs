using PostfixLint.Model.Tables;
using PostfixLint.Syntax;

namespace PostfixLint.Simulation;

/// <summary>Finds a line of a table source by its number, in the source's bytes, for a trace entry's span.</summary>
/// <remarks>
/// A trace points at one table line at a time, so a 10^6-line source needs neither a decoded copy nor a full line
/// index for it: this keeps the start of every 64th line and walks to the line asked for in the bytes (Latin-1: an
/// offset in bytes is an offset in chars, as <see cref="SourceFile.Read"/> and <see cref="LineIndex"/> count them).
/// The bytes are the run's shared ones (<see cref="TableFiles"/>), which nobody writes. Immutable once built.
/// </remarks>
internal sealed class TableSourceLines
{
    private const int Stride = 64;

    private readonly TableBytes _bytes;

    // The start of lines 1, 1 + Stride, 1 + 2 * Stride, ...
    private readonly int[] _checkpoints;

    /// <summary>Indexes the lines of <paramref name="bytes"/> (lines end at <c>\n</c>, as <see cref="LineIndex"/> has them).</summary>
    public TableSourceLines(TableBytes bytes)
    {
        _bytes = bytes;
        var data = bytes.Span;
        var checkpoints = new List<int> { 0 };
        var lines = 1;
        var pos = 0;
        int newline;
        while ((newline = data[pos..].IndexOf((byte)'\n')) >= 0)
        {
            pos += newline + 1;
            if (lines % Stride == 0)
            {
                checkpoints.Add(pos);
            }

            lines++;
        }

        GC.KeepAlive(bytes);
        _checkpoints = [.. checkpoints];
        LineCount = lines;
    }

    /// <summary>The number of lines (a source ending in a newline has an empty last line).</summary>
    public int LineCount { get; }

    /// <summary>The span of the 1-based line <paramref name="line"/> up to its first <c>\r</c> or <c>\n</c>; null when there is no such line.</summary>
    public TextSpan? LineSpan(int line)
    {
        if (line < 1 || line > LineCount)
        {
            return null;
        }

        var data = _bytes.Span;
        var start = _checkpoints[(line - 1) / Stride];
        for (var skip = (line - 1) % Stride; skip > 0; skip--)
        {
            start += data[start..].IndexOf((byte)'\n') + 1;
        }

        var end = data[start..].IndexOfAny((byte)'\r', (byte)'\n');
        GC.KeepAlive(_bytes);
        return new TextSpan(start, end < 0 ? data.Length - start : end);
    }
}
