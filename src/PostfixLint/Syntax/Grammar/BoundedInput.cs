using Sprache;

namespace PostfixLint.Syntax.Grammar;

/// <summary>A Sprache input over <c>[position, end)</c> of a string, so a sub-grammar can parse a piece in place.</summary>
/// <remarks>
/// Postfix decides the extent of a nested piece before it parses it (<c>mac_parse()</c> balances the brackets of
/// <c>${...}</c> first, <c>mac_exp_extract_curly_payload()</c> balances <c>{...}</c>), so the piece must look like the
/// end of input to the sub-grammar. Positions stay offsets into the whole string: no shifting afterwards.
/// </remarks>
internal sealed class BoundedInput : IInput
{
    private readonly int _end;
    private Dictionary<object, object>? _memos;

    public BoundedInput(string source, int position, int end)
    {
        Source = source;
        Position = position;
        _end = end;
    }

    public string Source { get; }

    /// <summary>The offset where this input ends (exclusive).</summary>
    public int End => _end;

    public int Position { get; }

    public char Current => Source[Position];

    public bool AtEnd => Position >= _end;

    // Values are single logical lines; Sprache only uses these for messages.
    public int Line => 1;

    public int Column => Position + 1;

    public IDictionary<object, object> Memos => _memos ??= [];

    public IInput Advance()
    {
        if (AtEnd)
        {
            throw new InvalidOperationException("Cannot advance beyond the end of the input.");
        }

        return new BoundedInput(Source, Position + 1, _end);
    }

    /// <summary>The same bounded input at another offset (for runs consumed in one step).</summary>
    public BoundedInput At(int position) => position == Position ? this : new BoundedInput(Source, position, _end);

    public bool Equals(IInput? other) =>
        other is BoundedInput b && ReferenceEquals(Source, b.Source) && Position == b.Position && _end == b._end;

    public override bool Equals(object? obj) => Equals(obj as IInput);

    public override int GetHashCode() => HashCode.Combine(Position, _end);
}
