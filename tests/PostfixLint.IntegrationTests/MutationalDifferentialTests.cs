using PostfixLint.IntegrationTests.Support;

namespace PostfixLint.IntegrationTests;

/// <summary>
/// Real corpus and example main.cf/master.cf pairs with a few seeded, realistic edits each: the library must print what
/// postconf prints for -n, -n -x, everything, -M and -P, with the same warnings and fatal errors.
/// </summary>
public sealed class MutationalDifferentialTests
{
    /// <summary>One case per seed (POSTFIXLINT_MUTATION_SEED / POSTFIXLINT_MUTATION_CASES widen the slice).</summary>
    public static IEnumerable<TestCaseData> MutatedCases() =>
        MutationGenerator.Seeds.Select(seed => new TestCaseData(seed).SetArgDisplayNames($"seed {seed:D4}"));

    [TestCaseSource(nameof(MutatedCases))]
    public async Task Library_prints_what_postconf_prints_for_a_mutated_real_config(int seed)
    {
        var mutated = MutationGenerator.Generate(seed);
        DumpForReproduction(seed, mutated);
        using var directory = TempConfigDirectory.Create(mutated.MainCf, mutated.MasterCf);
        var comparisons = new List<Comparison>();
        foreach (var query in Differential.Standard)
        {
            comparisons.Add(await Differential.CompareAsync(directory, query));
        }

        comparisons.Add(await Differential.CompareServicesAsync(directory, parameters: false));
        comparisons.Add(await Differential.CompareServicesAsync(directory, parameters: true));
        Differential.AssertSame(directory, mutated.Name, expectPostconfFailure: null, comparisons);
    }

    /// <summary>With POSTFIXLINT_MUTATION_DUMP set, a case is also written to DUMP/&lt;seed&gt;/ to reproduce it by hand (postconf -c DIR).</summary>
    private static void DumpForReproduction(int seed, StressCase mutated)
    {
        if (Environment.GetEnvironmentVariable("POSTFIXLINT_MUTATION_DUMP") is not { Length: > 0 } root)
        {
            return;
        }

        var directory = Directory.CreateDirectory(Path.Combine(root, seed.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
        File.WriteAllBytes(Path.Combine(directory, "main.cf"), System.Text.Encoding.Latin1.GetBytes(mutated.MainCf));
        File.WriteAllBytes(Path.Combine(directory, "master.cf"), System.Text.Encoding.Latin1.GetBytes(mutated.MasterCf));
        File.WriteAllText(Path.Combine(directory, "mutations.txt"), mutated.Name + "\n");
    }

    [Test]
    public void Mutations_are_deterministic_and_start_from_every_real_input()
    {
        MutationGenerator.Generate(7).Should().Be(MutationGenerator.Generate(7));
        MutationGenerator.InputCount.Should().BeGreaterThan(2);
        var names = Enumerable.Range(1, MutationGenerator.InputCount).Select(seed => MutationGenerator.Generate(seed).Name).ToList();
        names.Should().OnlyHaveUniqueItems();
    }
}
