using Sprache;

namespace PostfixLint.Syntax.Grammar;

/// <summary>Small Sprache pieces shared by the value grammars.</summary>
internal static class GrammarParsers
{
    /// <summary>The current offset, consuming nothing.</summary>
    public static readonly Parser<int> Offset = i => Result.Success(i.Position, i);

    /// <summary>The whole source string, consuming nothing.</summary>
    public static readonly Parser<string> Source = i => Result.Success(i.Source, i);

    /// <summary>Succeeds only at the end of the (bounded) input.</summary>
    public static readonly Parser<int> AtEnd = i => i.AtEnd
        ? Result.Success(i.Position, i)
        : Result.Failure<int>(i, $"unexpected '{i.Current}'", ["end of input"]);

    /// <summary>A run of at least <paramref name="minimum"/> characters that <paramref name="accept"/> takes, consumed in one step.</summary>
    /// <remarks>Equivalent to <c>Parse.Char(accept).Many().Text()</c> without a result and an input object per character.</remarks>
    public static Parser<string> Run(Func<char, bool> accept, int minimum, string description) => i =>
    {
        if (i is not BoundedInput input)
        {
            throw new InvalidOperationException("The value grammars run over BoundedInput.");
        }

        var position = input.Position;
        while (position < input.End && accept(input.Source[position]))
        {
            position++;
        }

        return position - input.Position < minimum
            ? Result.Failure<string>(i, input.AtEnd ? "unexpected end of input" : $"unexpected '{input.Current}'", [description])
            : Result.Success(input.Source[input.Position..position], input.At(position));
    };

    /// <summary>Runs <paramref name="inner"/> (which must reach its own end) over <c>[start, end)</c> of the source, then continues the outer input where it was.</summary>
    /// <remarks>A failure keeps the inner position, which is never the outer input object, so <c>XOr</c>/<c>XMany</c> treat it as committed.</remarks>
    public static Parser<T> Within<T>(Parser<T> inner, int start, int end) => i =>
    {
        var result = inner(new BoundedInput(i.Source, start, end));
        return result.WasSuccessful
            ? Result.Success(result.Value, i)
            : Result.Failure<T>(result.Remainder, result.Message, result.Expectations);
    };

    /// <summary>Consumes text up to (not including) the bracket that balances an already consumed <paramref name="open"/>; counts only that bracket pair.</summary>
    /// <remarks>The loops in <c>mac_parse()</c> and <c>mac_exp_extract_curly_payload()</c> count one bracket kind only.</remarks>
    public static Parser<int> BalancedBody(char open, char close)
    {
        // One linear scan, not (text | open body close)*: that grammar backtracks exponentially over unbalanced
        // input such as "{{{{..." (found by the fuzz harness), and recurses once per nesting level. The scan reads
        // the source string and makes one input object at its end, not one per character (Advance() allocates): a
        // 142 KB body nested 100 deep cost 600 MiB that way (fuzz postconf+simulate+check-7db434fa0614457d).
        return i =>
        {
            if (i is not BoundedInput input)
            {
                throw new InvalidOperationException("The value grammars run over BoundedInput.");
            }

            var depth = 0;
            var position = input.Position;
            var source = input.Source;
            while (position < input.End)
            {
                var c = source[position];
                if (c == close)
                {
                    if (depth == 0)
                    {
                        break;
                    }

                    depth--;
                }
                else if (c == open)
                {
                    depth++;
                }

                position++;
            }

            var current = input.At(position);
            return depth == 0
                ? Result.Success(0, current)
                : Result.Failure<int>(current, $"unbalanced {open}{close}", [close.ToString()]);
        };
    }

    /// <summary>Parses a whole string with a grammar that ends in <see cref="AtEnd"/>.</summary>
    public static IResult<T> Run<T>(Parser<T> grammar, string text) => grammar(new BoundedInput(text, 0, text.Length));
}
