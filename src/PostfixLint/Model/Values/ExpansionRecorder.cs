using PostfixLint.Syntax;

namespace PostfixLint.Model.Values;

/// <summary>Records, while <see cref="MacroEngine"/> builds an expanded value, where each run of its characters came from.</summary>
/// <remarks>
/// Frame 0 is the value being expanded; each <c>$name</c> whose value is copied into the result opens a frame under
/// the frame that holds the reference. A run maps result characters to characters of one frame's text: one to one,
/// except that <c>$$</c> (two source characters) gives one <c>$</c>.
/// </remarks>
internal sealed class ExpansionRecorder
{
    private readonly List<ExpansionFrame> _frames = [new ExpansionFrame(-1, null, default)];
    private readonly List<ExpansionRun> _runs = [];
    private int _current;

    /// <summary>The frames; frame 0 is the expanded value itself.</summary>
    public IReadOnlyList<ExpansionFrame> Frames => _frames;

    /// <summary>The runs in result order.</summary>
    public IReadOnlyList<ExpansionRun> Runs => _runs;

    /// <summary>Adds one step to the pieces of a pending literal, merging it with the previous one-to-one piece.</summary>
    public static void AddPiece(List<Piece>? pieces, int sourceStart, int sourceLength, int length)
    {
        if (pieces is null)
        {
            return;
        }

        if (sourceLength == length && pieces.Count > 0 && pieces[^1] is var last
            && last.SourceLength == last.Length && last.SourceStart + last.SourceLength == sourceStart)
        {
            pieces[^1] = last with { SourceLength = last.SourceLength + sourceLength, Length = last.Length + length };
            return;
        }

        pieces.Add(new Piece(sourceStart, sourceLength, length));
    }

    /// <summary>Starts the text of <paramref name="name"/>, referenced at <paramref name="reference"/> in the current frame's text.</summary>
    /// <param name="name">The parameter name, or null for text that has no parameter (a relational result).</param>
    /// <param name="reference">The whole <c>$name</c> / <c>${...}</c> in the current frame's text.</param>
    public void Enter(string? name, TextSpan reference)
    {
        _frames.Add(new ExpansionFrame(_current, name, reference));
        _current = _frames.Count - 1;
    }

    /// <summary>Returns to the frame that held the reference.</summary>
    public void Leave() => _current = _frames[_current].Parent;

    /// <summary>Records a literal of the current frame appended at <paramref name="resultStart"/>.</summary>
    public void AddLiteral(int resultStart, List<Piece> pieces)
    {
        var at = resultStart;
        foreach (var piece in pieces)
        {
            _runs.Add(new ExpansionRun(at, piece.Length, _current, piece.SourceStart, piece.SourceLength));
            at += piece.Length;
        }
    }

    /// <summary>A piece of a literal: <paramref name="Length"/> result characters from <paramref name="SourceLength"/> source characters.</summary>
    internal readonly record struct Piece(int SourceStart, int SourceLength, int Length);
}
