namespace PostfixLint.Tests.Support;

/// <summary>Locates the repository and the shared corpus of real Postfix configuration files.</summary>
public static class Corpus
{
    /// <summary>The environment variable that overrides the corpus location.</summary>
    public const string EnvironmentVariable = "POSTFIXLINT_CORPUS";

    /// <summary>The repository root: the nearest ancestor of the test assembly directory holding PostfixLint.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PostfixLint.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("PostfixLint.sln not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }

    /// <summary>The corpus directory; the calling test is made inconclusive, loudly, when it is absent.</summary>
    public static string Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            var path = string.IsNullOrEmpty(configured)
                ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"))
                : configured;
            if (!System.IO.Directory.Exists(path))
            {
                Assert.Inconclusive(
                    $"!!! CORPUS NOT FOUND at '{path}': set {EnvironmentVariable} to the corpus directory. " +
                    "These tests did NOT run. !!!");
            }

            return path;
        }
    }

    /// <summary>Every file of the corpus except its SOURCES.md index, sorted.</summary>
    public static IReadOnlyList<string> Files()
    {
        var files = System.IO.Directory.GetFiles(Directory, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("SOURCES.md", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            Assert.Inconclusive($"!!! CORPUS at '{Directory}' IS EMPTY. These tests did NOT run. !!!");
        }

        return files;
    }

    /// <summary>The corpus files that are master.cf files or templates of one.</summary>
    public static IReadOnlyList<string> MasterCfFiles() =>
        Files().Where(f => Path.GetFileName(f).Contains("master.cf", StringComparison.OrdinalIgnoreCase)
                           || Path.GetFileName(f).Contains("master_cf", StringComparison.OrdinalIgnoreCase))
            .ToList();
}
