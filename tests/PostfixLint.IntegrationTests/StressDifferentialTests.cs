using PostfixLint.IntegrationTests.Support;

namespace PostfixLint.IntegrationTests;

/// <summary>Generated main.cf/master.cf files (fixed seeds): the library must print what postconf prints for -n, -n -x and everything.</summary>
public sealed class StressDifferentialTests
{
    /// <summary>The random cases, one per seed.</summary>
    public static IEnumerable<TestCaseData> RandomCases() =>
        StressGenerator.Seeds.Select(seed => new TestCaseData(seed).SetArgDisplayNames($"seed {seed:D3}"));

    /// <summary>The few cases on which postconf stops.</summary>
    public static IEnumerable<TestCaseData> FatalCases() =>
        StressGenerator.FatalCases().Select(c => new TestCaseData(c.Name).SetArgDisplayNames(c.Name));

    [TestCaseSource(nameof(RandomCases))]
    public async Task Library_prints_what_postconf_prints_for_a_generated_case(int seed) =>
        await AssertSameAsync(StressGenerator.Generate(seed));

    [TestCaseSource(nameof(FatalCases))]
    public async Task Library_stops_where_postconf_stops(string name) =>
        await AssertSameAsync(StressGenerator.FatalCases().Single(c => c.Name == name));

    [Test]
    public void Generator_is_deterministic_and_covers_the_syntax_it_promises()
    {
        var cases = StressGenerator.Seeds.Select(StressGenerator.Generate).ToList();
        var all = string.Concat(cases.Select(c => c.MainCf + c.MasterCf));

        StressGenerator.Generate(42).Should().Be(StressGenerator.Generate(42));
        cases.Should().HaveCount(200).And.OnlyContain(c => !c.ExpectFatal);
        StressGenerator.FatalCases().Should().HaveCountLessThanOrEqualTo(10, "each fatal postconf run sleeps ~1 s");
        foreach (var fragment in new[]
                 {
                     "\r\n", "\t", "  # inside the value", "${", "$(", "?{", ":{", "}:{", "<level", "<=level", " == ", " != ", " <= ",
                     "$$", "undefined_", "smtpd_restriction_classes", "compatibility_level = 3.6", "process_", "broken_unused_",
                     "# mid-value hash is data", "-o {", "pipe", "spawn", "_destination_concurrency_limit", "$mua_client_restrictions",
                 })
        {
            all.Should().Contain(fragment);
        }
    }

    private static async Task AssertSameAsync(StressCase stressCase)
    {
        using var directory = TempConfigDirectory.Create(stressCase.MainCf, stressCase.MasterCf);
        await Differential.AssertSameAsync(directory, stressCase.Name, stressCase.ExpectFatal, [.. Differential.Standard]);
    }
}
