namespace PostfixLint.IntegrationTests.Support;

/// <summary>Settings a longer campaign or a benchmark passes to the tests through the environment.</summary>
internal static class TestEnvironment
{
    /// <summary>The positive integer in variable <paramref name="name"/>, else <paramref name="fallback"/>.</summary>
    public static int Int(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
