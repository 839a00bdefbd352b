using System.Collections.Immutable;
using PostfixLint.Diagnostics;

namespace PostfixLint.Syntax;

/// <summary>
/// Splits a text into physical and logical lines exactly as <c>readllines()</c> (<c>src/util/readlline.c</c>) does,
/// hands each logical line to a format handler, and turns the handler's runs into contiguous tokens.
/// </summary>
internal sealed class LogicalLineParser
{
    private readonly string _text;
    private readonly string _path;
    private readonly int _bomLength;
    private readonly ImmutableArray<SyntaxToken>.Builder _tokens;
    private readonly ImmutableArray<Diagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
    private readonly List<SemanticRun> _runs = [];
    private readonly int _lineOffset;
    private PhysicalLine[] _lines = [];
    private int _lineCount;

    private LogicalLineParser(string text, string path, int lineOffset)
    {
        _text = text;
        _path = path;
        _lineOffset = lineOffset;
        _bomLength = CharClass.ByteOrderMarkLength(text);
        _tokens = ImmutableArray.CreateBuilder<SyntaxToken>(Math.Max(4, text.Length / 8));
    }

    /// <summary>The diagnostics reported so far.</summary>
    public ImmutableArray<Diagnostic>.Builder Diagnostics => _diagnostics;

    /// <summary>Parses <paramref name="text"/>, calling <paramref name="handler"/> for every logical line in file order.</summary>
    /// <param name="text">The text to split.</param>
    /// <param name="path">The path diagnostics carry.</param>
    /// <param name="handler">Called for each logical line.</param>
    /// <param name="firstLine">The line number of the text's first line (greater than 1 when the text is an excerpt of a file).</param>
    public static (ImmutableArray<SyntaxToken> Tokens, ImmutableArray<Diagnostic> Diagnostics) Parse(
        string text, string path, ILogicalLineHandler handler, int firstLine = 1)
    {
        var parser = new LogicalLineParser(text, path, firstLine - 1);
        parser.Run(handler);
        return (parser._tokens.ToImmutable(), parser._diagnostics.ToImmutable());
    }

    /// <summary>Records a diagnostic about the parsed document.</summary>
    public void Report(string id, DiagnosticSeverity severity, TextSpan span, string message) =>
        _diagnostics.Add(new Diagnostic(id, severity, _path, span, message));

    private void Run(ILogicalLineHandler handler)
    {
        SplitLines();
        var logical = new LogicalLine(_text);
        var i = 0;
        while (i < _lineCount)
        {
            var first = _lines[i];
            if (first.Kind is PhysicalLineKind.Blank or PhysicalLineKind.Comment)
            {
                EmitSkipped(first);
                i++;
                continue;
            }

            // readllines(): blank and comment lines do not end a logical line; only a line that starts with
            // non-whitespace text does. Trailing skipped lines belong to no logical line.
            var last = i;
            for (var j = i + 1; j < _lineCount && _lines[j].Kind != PhysicalLineKind.Start; j++)
            {
                if (_lines[j].Kind == PhysicalLineKind.Continuation)
                {
                    last = j;
                }
            }

            logical.Reset(i + 1 + _lineOffset);
            for (var k = i; k <= last; k++)
            {
                if (_lines[k].Kind is PhysicalLineKind.Start or PhysicalLineKind.Continuation)
                {
                    logical.Add(_lines[k].Start, _lines[k].DataEnd - _lines[k].Start);
                }
            }

            logical.Complete(TextSpan.FromBounds(first.Start, _lines[last].ContentEnd));
            _runs.Clear();
            if (first.Kind == PhysicalLineKind.Continuation)
            {
                ReportLeadingWhitespace(logical);
                _runs.Add(new SemanticRun(SyntaxKind.Unparsed, 0, logical.Length));
            }
            else
            {
                handler.Handle(logical, _runs, this);
            }

            var piece = 0;
            for (var k = i; k <= last; k++)
            {
                if (_lines[k].Kind is PhysicalLineKind.Start or PhysicalLineKind.Continuation)
                {
                    EmitContent(_lines[k], logical.Pieces[piece++]);
                }
                else
                {
                    EmitSkipped(_lines[k]);
                }
            }

            i = last + 1;
        }

        _tokens.Add(new SyntaxToken(SyntaxKind.EndOfFile, new TextSpan(_text.Length, 0)));
    }

    private void ReportLeadingWhitespace(LogicalLine logical)
    {
        // src/util/readlline.c: msg_warn("%s: logical line must not start with whitespace: \"%.30s%s\"", ...);
        // %.30s stops at a NUL, the "..." test uses the full buffer length.
        var shown = logical.GetString(0, Math.Min(30, logical.CLength));
        var message = $"logical line must not start with whitespace: \"{shown}{(logical.Length > 30 ? "..." : "")}\"";
        Report(DiagnosticIds.LeadingWhitespace, DiagnosticSeverity.Warning, logical.SourceSpan, message);
    }

    private void SplitLines()
    {
        var text = _text;
        _lines = new PhysicalLine[Math.Max(4, text.Length / 32)];
        var start = 0;
        while (start < text.Length)
        {
            var (dataEnd, end, contentEnd, kind) = PhysicalLines.Classify(text.AsSpan(), start);
            if (_lineCount == _lines.Length)
            {
                Array.Resize(ref _lines, _lines.Length * 2);
            }

            _lines[_lineCount++] = new PhysicalLine(start, dataEnd, contentEnd, end, kind);
            start = end;
        }
    }

    private void EmitSkipped(PhysicalLine line)
    {
        if (line.ContentEnd > line.Start)
        {
            var kind = line.Kind == PhysicalLineKind.Comment ? SyntaxKind.CommentLine : SyntaxKind.BlankLine;
            Add(kind, line.Start, line.ContentEnd);
        }

        Add(SyntaxKind.EndOfLine, line.ContentEnd, line.End);
    }

    private void EmitContent(PhysicalLine line, SourcePiece piece)
    {
        var text = _text;
        var pos = line.Start;
        var end = line.ContentEnd;
        if (pos == 0 && _bomLength > 0)
        {
            // Postfix knows nothing of BOMs: its bytes stay part of the first name; only the token says BOM.
            Add(SyntaxKind.ByteOrderMark, 0, _bomLength);
            pos = _bomLength;
        }

        if (line.Kind == PhysicalLineKind.Continuation)
        {
            var q = pos;
            while (q < end && CharClass.IsSpace(text[q]))
            {
                q++;
            }

            Add(SyntaxKind.Continuation, pos, q);
            pos = q;
        }

        var delta = piece.SourceStart - piece.Offset;
        foreach (var run in _runs)
        {
            var s = Math.Max(run.Start + delta, pos);
            var e = Math.Min(run.End + delta, end);
            if (s >= e)
            {
                continue;
            }

            if (run.Kind is SyntaxKind.ValueText or SyntaxKind.Argument or SyntaxKind.Field && run.End + delta >= end)
            {
                // A value or argument cut by the line end: its trailing blanks on this line are whitespace.
                while (e > s && CharClass.IsSpace(text[e - 1]))
                {
                    e--;
                }

                if (s >= e)
                {
                    continue;
                }
            }

            AddGap(pos, s);
            Add(run.Kind, s, e);
            pos = e;
        }

        AddGap(pos, end);
        Add(SyntaxKind.EndOfLine, end, line.End);
    }

    private void AddGap(int start, int end)
    {
        if (start >= end)
        {
            return;
        }

        var kind = SyntaxKind.Whitespace;
        for (var p = start; p < end; p++)
        {
            if (!CharClass.IsSpace(_text[p]))
            {
                kind = SyntaxKind.Unparsed;
                break;
            }
        }

        Add(kind, start, end);
    }

    private void Add(SyntaxKind kind, int start, int end)
    {
        if (end > start)
        {
            _tokens.Add(new SyntaxToken(kind, new TextSpan(start, end - start)));
        }
    }
}
