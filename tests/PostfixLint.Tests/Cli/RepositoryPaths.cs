using PostfixLint.Testing;

namespace PostfixLint.Tests.Cli;

/// <summary>Paths inside the repository, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder that holds PostfixLint.sln.</summary>
    public static string Root => RepositoryLayout.Root;

    /// <summary>The Debian 12 default configuration used by the README demo.</summary>
    public static string DebianDefault => Path.Combine(Root, "testdata", "examples", "debian-default");
}
