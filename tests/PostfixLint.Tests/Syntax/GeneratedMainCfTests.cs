using PostfixLint.Syntax;
using PostfixLint.Tests.Support;
using PostfixLint.Diagnostics;

namespace PostfixLint.Tests.Syntax;

public sealed class GeneratedMainCfTests
{
    private static IEnumerable<int> Seeds() => Enumerable.Range(1, 300);

    [Test]
    public void Generated_files_round_trip_and_match_the_readllines_model([ValueSource(nameof(Seeds))] int seed)
    {
        var text = MainCfGenerator.Generate(seed, validOnly: false);
        var syntax = MainCfSyntax.Parse(text);

        TokenAssertions.AssertLossless(text, syntax.Document.Tokens, syntax.Document.ToFullString(), $"seed {seed}");
        syntax.Parameters.Select(p => (p.Line, p.Name, p.Value))
            .Should().Equal(ReadllinesModel.Parameters(text), $"seed {seed}");
        foreach (var parameter in syntax.Parameters)
        {
            for (var i = 0; i < parameter.Value.Length; i++)
            {
                text[parameter.ToSourceOffset(i)].Should().Be(parameter.Value[i], $"seed {seed}, {parameter.Name}[{i}]");
            }

            text.Substring(parameter.NameSpan.Start, parameter.NameSpan.Length).Should().Be(parameter.Name);
            text[parameter.EqualsSpan.Start].Should().Be('=');
        }
    }
}
