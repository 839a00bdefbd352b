using System.Collections.Immutable;
using PostfixLint.IntegrationTests.Support;

namespace PostfixLint.IntegrationTests.Instance;

/// <summary>The named scenarios under <c>testdata/simulation/</c> and their recorded real answers (<c>expected.jsonl</c>).</summary>
public static class ScenarioFixtures
{
    /// <summary>The fixture root, <c>&lt;repo&gt;/testdata/simulation</c>.</summary>
    public static string Root =>
        RepositoryLayout.TestData("simulation");

    /// <summary>The directory of the named scenario.</summary>
    public static string DirectoryOf(string name) => Path.Combine(Root, name);

    /// <summary>Runs the named scenario on a private instance and compares with <c>expected.jsonl</c>; <c>POSTFIXLINT_UPDATE_GOLDEN=1</c> rewrites it instead.</summary>
    public static async Task<ImmutableArray<ProbeResult>> RunAndCompareAsync(string name)
    {
        var directory = DirectoryOf(name);
        var scenario = Scenario.Load(directory);
        await using var instance = await PrivatePostfixInstance.StartAsync(scenario);
        var results = await instance.RunProbesAsync(scenario.Probes);
        instance.Overridden.Should().BeEmpty("the fixture's main.cf must be exactly what the instance runs (apart from isolation paths)");
        var expectedPath = Path.Combine(directory, "expected.jsonl");
        if (Environment.GetEnvironmentVariable("POSTFIXLINT_UPDATE_GOLDEN") == "1")
        {
            ProbeJson.WriteResults(expectedPath, results);
            TestContext.Out.WriteLine($"wrote {expectedPath}");
        }

        // A fixture without recorded replies proves nothing: record them on purpose, and review the diff.
        File.Exists(expectedPath).Should().BeTrue($"{expectedPath} is missing: run the tests with POSTFIXLINT_UPDATE_GOLDEN=1 to record what real Postfix answers");

        var actual = results.Select(r => ProbeJson.ToLine(r.ToJson())).ToList();
        var expected = ProbeJson.ReadResults(expectedPath).Select(r => ProbeJson.ToLine(r.ToJson())).ToList();
        actual.Should().Equal(expected, $"real Postfix must still answer as recorded in {expectedPath} (log problems: {string.Join(" | ", instance.LogProblems)})");
        return results;
    }
}
