using System.Text;

namespace PostfixLint.Syntax;

/// <summary>One logical line as <c>readllines()</c> builds it: physical lines joined with their leading whitespace, newlines dropped.</summary>
/// <remarks>The parser reuses one instance for every logical line; handlers must copy what they keep.</remarks>
internal sealed class LogicalLine
{
    private readonly List<SourcePiece> _pieces = [];
    private readonly StringBuilder _builder = new();
    private string? _joined;

    public LogicalLine(string source) => Source = source;

    /// <summary>The whole source text.</summary>
    public string Source { get; }

    /// <summary>1-based number of the first physical line (<c>readllines()</c> <c>first_line</c>).</summary>
    public int LineNumber { get; private set; }

    /// <summary>From the first char of the first line to the end of the last line's content (line ending excluded).</summary>
    public TextSpan SourceSpan { get; private set; }

    /// <summary>Length of the joined text, including any NUL and what follows it.</summary>
    public int Length { get; private set; }

    /// <summary>Length of the text Postfix sees: C string functions stop at the first NUL.</summary>
    public int CLength { get; private set; }

    /// <summary>The pieces the joined text is made of, one per content line.</summary>
    public IReadOnlyList<SourcePiece> Pieces => _pieces;

    /// <summary>The joined text (allocation-free when the logical line is one physical line).</summary>
    public ReadOnlySpan<char> Text => _pieces.Count == 1
        ? Source.AsSpan(_pieces[0].SourceStart, Length)
        : Joined().AsSpan();

    public void Reset(int lineNumber)
    {
        _pieces.Clear();
        _joined = null;
        Length = 0;
        LineNumber = lineNumber;
    }

    public void Add(int sourceStart, int length)
    {
        _pieces.Add(new SourcePiece(Length, sourceStart, length));
        Length += length;
    }

    public void Complete(TextSpan sourceSpan)
    {
        SourceSpan = sourceSpan;
        var nul = Text.IndexOf('\0');
        CLength = nul < 0 ? Length : nul;
    }

    /// <summary>The joined text in <c>[start, end)</c> as a string.</summary>
    public string GetString(int start, int end) => _pieces.Count == 1
        ? Source.Substring(_pieces[0].SourceStart + start, end - start)
        : Joined()[start..end];

    /// <summary>The source offset of the char at logical <paramref name="offset"/>; the end of the last piece for <see cref="Length"/>.</summary>
    public int ToSource(int offset)
    {
        for (var i = 0; i < _pieces.Count; i++)
        {
            var piece = _pieces[i];
            if (offset < piece.Offset + piece.Length)
            {
                return piece.SourceStart + (offset - piece.Offset);
            }
        }

        var last = _pieces[^1];
        return last.SourceStart + last.Length;
    }

    /// <summary>The source span of logical <c>[start, end)</c>, which may cross line endings and skipped lines.</summary>
    public TextSpan ToSourceSpan(int start, int end) => start >= end
        ? new TextSpan(ToSource(start), 0)
        : TextSpan.FromBounds(ToSource(start), ToSource(end - 1) + 1);

    /// <summary>The pieces of logical <c>[start, end)</c>, re-based so the first starts at offset 0.</summary>
    public SourcePiece[] Slice(int start, int end)
    {
        if (start >= end)
        {
            return [new SourcePiece(0, ToSource(start), 0)];
        }

        var count = 0;
        foreach (var piece in _pieces)
        {
            if (piece.Offset < end && piece.Offset + piece.Length > start)
            {
                count++;
            }
        }

        var result = new SourcePiece[count];
        var n = 0;
        foreach (var piece in _pieces)
        {
            var from = Math.Max(start, piece.Offset);
            var to = Math.Min(end, piece.Offset + piece.Length);
            if (from < to)
            {
                result[n++] = new SourcePiece(from - start, piece.SourceStart + (from - piece.Offset), to - from);
            }
        }

        return result;
    }

    private string Joined()
    {
        if (_joined is null)
        {
            _builder.Clear();
            foreach (var piece in _pieces)
            {
                _builder.Append(Source, piece.SourceStart, piece.Length);
            }

            _joined = _builder.ToString();
        }

        return _joined;
    }
}
