namespace PostfixLint.Fuzz;

/// <summary>The seed inputs: every file under testdata/ (corpus, rule fixtures, postconf dumps) of a sensible size.</summary>
internal static class SeedFiles
{
    /// <summary>The seed files, in a stable order.</summary>
    public static IReadOnlyList<string> Find()
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !Directory.Exists(Path.Combine(directory, "testdata")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        if (directory is null)
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(Path.Combine(directory, "testdata"), "*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length is > 0 and < 256 << 10)
            .Order(StringComparer.Ordinal)];
    }
}
