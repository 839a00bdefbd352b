using NUnit.Framework;

namespace PostfixLint.Testing;

/// <summary>The shared corpus of real Postfix configuration files: <c>$POSTFIXLINT_CORPUS</c>, else <c>&lt;repo&gt;/../shared/corpus</c>.</summary>
public static class TestCorpus
{
    /// <summary>The environment variable that overrides the corpus location.</summary>
    public const string EnvironmentVariable = "POSTFIXLINT_CORPUS";

    /// <summary>Where the corpus is looked for (whether or not it exists).</summary>
    public static string ExpectedPath =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(RepositoryLayout.Root, "..", "shared", "corpus"));

    /// <summary>The corpus directory, or null when it does not exist.</summary>
    public static string? DirectoryOrNull => Directory.Exists(ExpectedPath) ? ExpectedPath : null;

    /// <summary>
    /// The corpus directory. When it is missing the calling test does not pass: it fails under CI
    /// (<c>CI=true</c>) and is inconclusive elsewhere, with a loud message either way.
    /// </summary>
    public static string Require()
    {
        if (!Directory.Exists(ExpectedPath))
        {
            Missing($"!!! CORPUS NOT FOUND at '{ExpectedPath}': set {EnvironmentVariable} to the corpus directory "
                    + "or place it at <repo root>/../shared/corpus. These tests did NOT run. !!!");
        }

        return ExpectedPath;
    }

    /// <summary>Every file of the corpus except its SOURCES.md index, sorted; an empty corpus is reported as a missing one.</summary>
    public static IReadOnlyList<string> Files()
    {
        var directory = Require();
        var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("SOURCES.md", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            Missing($"!!! CORPUS at '{directory}' IS EMPTY. These tests did NOT run. !!!");
        }

        return files;
    }

    /// <summary>The corpus files that are master.cf files or templates of one.</summary>
    public static IReadOnlyList<string> MasterCfFiles() =>
        Files().Where(f => Path.GetFileName(f).Contains("master.cf", StringComparison.OrdinalIgnoreCase)
                           || Path.GetFileName(f).Contains("master_cf", StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>Reports a missing or empty corpus: a failure under CI, inconclusive elsewhere; never returns.</summary>
    public static void Missing(string message)
    {
        TestContext.Progress.WriteLine(message);
        if (ContinuousIntegration.IsEnabled)
        {
            Assert.Fail(message + " (CI=true: a missing corpus fails the run)");
        }

        Assert.Inconclusive(message);
    }
}
