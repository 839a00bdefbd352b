namespace PostfixLint.Testing;

/// <summary>Paths inside the repository, found by walking up from the running assembly to PostfixLint.sln.</summary>
public static class RepositoryLayout
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds PostfixLint.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A path below the repository's testdata/ folder.</summary>
    public static string TestData(params string[] parts) => Path.Combine([Root, "testdata", .. parts]);

    private static string FindRoot()
    {
        // AppContext.BaseDirectory is the test or benchmark assembly's folder (bin/Release/net10.0, or a child of it
        // for BenchmarkDotNet's generated projects).
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PostfixLint.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"PostfixLint.sln not found above {AppContext.BaseDirectory}");
    }
}
