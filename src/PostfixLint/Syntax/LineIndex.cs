namespace PostfixLint.Syntax;

/// <summary>Maps offsets of a text to 1-based line and column numbers.</summary>
/// <remarks>Lines end at <c>\n</c>; a <c>\r</c> before it belongs to the line it ends.</remarks>
public sealed class LineIndex
{
    private readonly int[] _lineStarts;

    /// <summary>Indexes the line starts of <paramref name="text"/>.</summary>
    public LineIndex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var starts = new List<int> { 0 };
        var index = 0;
        while ((index = text.IndexOf('\n', index)) >= 0)
        {
            index++;
            starts.Add(index);
        }

        _lineStarts = [.. starts];
    }

    /// <summary>Number of lines (a text ending in a newline has an empty last line).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>Offset of the first character of the 1-based line <paramref name="line"/>.</summary>
    public int GetLineStart(int line) => _lineStarts[line - 1];

    /// <summary>The 1-based line and column of <paramref name="offset"/>.</summary>
    public LinePosition GetPosition(int offset)
    {
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line + 1, offset - _lineStarts[line] + 1);
    }
}
