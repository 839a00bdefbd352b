using PostfixLint.IntegrationTests.Support;

namespace PostfixLint.IntegrationTests;

/// <summary>Reports, once per test run, how much time the real postconf side of the suite took.</summary>
[SetUpFixture]
public sealed class PostconfTiming
{
    /// <summary>Prints the number of postconf runs and their total wall time.</summary>
    [OneTimeTearDown]
    public void Report_postconf_time() =>
        TestContext.Progress.WriteLine($"[integration] real postconf: {Postconf.Runs} runs, {Postconf.Elapsed.TotalSeconds:F1} s total");
}
