using System.Collections.Immutable;
using PostfixLint.Syntax;

namespace PostfixLint.Tests.Syntax;

/// <summary>Checks the lossless-token invariants every parser must keep.</summary>
internal static class TokenAssertions
{
    public static void AssertLossless(string text, ImmutableArray<SyntaxToken> tokens, string fullString, string because)
    {
        fullString.Should().Be(text, because);
        tokens.Should().NotBeEmpty(because);
        var position = 0;
        foreach (var token in tokens.AsSpan()[..^1])
        {
            if (token.Span.Start != position || token.Span.Length <= 0)
            {
                Assert.Fail($"{because}: token {token} does not continue at {position} or is empty");
            }

            position = token.Span.End;
        }

        position.Should().Be(text.Length, because);
        tokens[^1].Should().Be(new SyntaxToken(SyntaxKind.EndOfFile, new TextSpan(text.Length, 0)), because);
    }
}
