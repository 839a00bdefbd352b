using PostfixLint.Syntax;
using PostfixLint.Tests.Support;
using PostfixLint.Diagnostics;

namespace PostfixLint.Tests.Syntax;

public sealed class GeneratedMainCfTests
{
    private static IEnumerable<int> Seeds() => Enumerable.Range(1, 300);

    private static IEnumerable<int> PostconfSeeds() => Enumerable.Range(1000, 30);

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

    [Test]
    public async Task Generated_values_agree_with_postconf_n([ValueSource(nameof(PostconfSeeds))] int seed)
    {
        Postconf.Require();
        var text = MainCfGenerator.Generate(seed, validOnly: true);
        var syntax = MainCfSyntax.Parse(text);
        syntax.Diagnostics.Should().NotContain(d => d.Severity == DiagnosticSeverity.Fatal);
        var dir = Postconf.CreateConfigDirectory(text);
        try
        {
            var result = await Postconf.RunAsync("-c", dir, "-n");
            result.ExitCode.Should().Be(0, result.StandardError);

            var theirs = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split(" =", 2))
                .Where(p => MainCfGenerator.KnownNames.Contains(p[0]))
                .ToDictionary(p => p[0], p => Collapse(p[1]));
            var ours = new Dictionary<string, string>();
            foreach (var parameter in syntax.Parameters.Where(p => MainCfGenerator.KnownNames.Contains(p.Name)))
            {
                ours[parameter.Name] = Collapse(parameter.Value);
            }

            ours.Should().BeEquivalentTo(theirs, $"seed {seed}:\n{text}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // postconf prints values with whitespace runs collapsed to one space.
    private static string Collapse(string value) =>
        string.Join(' ', value.Split([' ', '\t', '\r', '\n', '\v', '\f'], StringSplitOptions.RemoveEmptyEntries));
}
