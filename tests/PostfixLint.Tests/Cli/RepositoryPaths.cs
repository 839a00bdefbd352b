namespace PostfixLint.Tests.Cli;

/// <summary>Paths inside the repository, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder that holds PostfixLint.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The Debian 12 default configuration used by the README demo.</summary>
    public static string DebianDefault => Path.Combine(Root, "testdata", "examples", "debian-default");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PostfixLint.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"PostfixLint.sln not found above {TestContext.CurrentContext.TestDirectory}");
    }
}
