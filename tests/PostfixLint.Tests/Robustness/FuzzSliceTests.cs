using PostfixLint.Fuzz;

namespace PostfixLint.Tests.Robustness;

/// <summary>The CI slice of the fuzz campaign (tests/PostfixLint.Fuzz): a fixed seed, a bounded number of inputs, seconds not minutes.</summary>
[TestFixture]
public sealed class FuzzSliceTests
{
    private const int Inputs = 400;

    [Test]
    public void Mutated_corpus_and_fixture_inputs_never_throw_hang_or_break_a_property()
    {
        var runner = new FuzzRunner(SeedFiles.Find(), hangAfter: TimeSpan.FromSeconds(30));

        runner.Run(Inputs, seed: 20261204);

        TestContext.Out.WriteLine(runner.Report.ToString());
        runner.Report.Failures.Should().BeEmpty();
        runner.Report.Inputs.Should().Be(Inputs);
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Every_target_survives_its_own_mutated_empty_seed(int seed)
    {
        var mutator = new Mutator(seed);
        foreach (var (name, target) in FuzzTargets.All)
        {
            for (var i = 0; i < 10; i++)
            {
                var input = mutator.Mutate([]);
                var run = () => target(input);
                run.Should().NotThrow($"target {name}, input {Convert.ToBase64String(input)}");
            }
        }
    }
}
