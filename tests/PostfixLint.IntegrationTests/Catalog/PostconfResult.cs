namespace PostfixLint.IntegrationTests.Catalog;

/// <summary>What one postconf run printed.</summary>
internal sealed record PostconfResult(int ExitCode, string StandardOutput, string StandardError, int ProcessId)
{
    /// <summary>The "name = value" lines as a dictionary; "name =" gives an empty value.</summary>
    public Dictionary<string, string> Parameters()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = line.IndexOf(" =", StringComparison.Ordinal);
            result[line[..equals]] = equals + 3 <= line.Length ? line[(equals + 3)..] : string.Empty;
        }

        return result;
    }

    /// <summary>The names in the order postconf printed them.</summary>
    public List<string> Names() =>
        [.. StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(" =", StringComparison.Ordinal)])];
}
