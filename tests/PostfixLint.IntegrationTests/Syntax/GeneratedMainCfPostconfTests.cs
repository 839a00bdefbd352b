using PostfixLint.Diagnostics;
using PostfixLint.IntegrationTests.Support;
using PostfixLint.Syntax;
using PostfixLint.Tests.Syntax;

namespace PostfixLint.IntegrationTests.Syntax;

/// <summary>Generated main.cf files (<see cref="MainCfGenerator"/>) read by the library and by the real <c>postconf -n</c>.</summary>
public sealed class GeneratedMainCfPostconfTests
{
    // Fixed seeds; a longer campaign sets POSTFIXLINT_MAINCF_SEED and POSTFIXLINT_MAINCF_CASES.
    private static IEnumerable<int> PostconfSeeds() =>
        Enumerable.Range(TestEnvironment.Int("POSTFIXLINT_MAINCF_SEED", 1000), TestEnvironment.Int("POSTFIXLINT_MAINCF_CASES", 30));

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
