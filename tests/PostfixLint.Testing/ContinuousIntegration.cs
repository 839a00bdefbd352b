namespace PostfixLint.Testing;

/// <summary>Whether the tests run under CI (<c>CI=true</c>), where anything that would only be reported locally fails.</summary>
public static class ContinuousIntegration
{
    /// <summary>True when the environment variable <c>CI</c> is <c>true</c> (any case) or <c>1</c>.</summary>
    public static bool IsEnabled =>
        Environment.GetEnvironmentVariable("CI") is { } value
        && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
