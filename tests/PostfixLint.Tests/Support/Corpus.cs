using PostfixLint.Testing;

namespace PostfixLint.Tests.Support;

/// <summary>Locates the repository and the shared corpus of real Postfix configuration files (see <see cref="TestCorpus"/>).</summary>
public static class Corpus
{
    /// <summary>The environment variable that overrides the corpus location.</summary>
    public const string EnvironmentVariable = TestCorpus.EnvironmentVariable;

    /// <summary>The repository root: the nearest ancestor of the test assembly directory holding PostfixLint.sln.</summary>
    public static string RepositoryRoot => RepositoryLayout.Root;

    /// <summary>The corpus directory; when it is absent the calling test fails under CI and is inconclusive elsewhere, loudly.</summary>
    public static string Directory => TestCorpus.Require();

    /// <summary>Every file of the corpus except its SOURCES.md index, sorted.</summary>
    public static IReadOnlyList<string> Files() => TestCorpus.Files();

    /// <summary>The corpus files that are master.cf files or templates of one.</summary>
    public static IReadOnlyList<string> MasterCfFiles() => TestCorpus.MasterCfFiles();
}
