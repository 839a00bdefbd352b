using PostfixLint.Testing;

namespace PostfixLint.Benchmarks;

/// <summary>Where the benchmarks find the repository, the corpus and the installed tool.</summary>
internal static class BenchmarkPaths
{
    /// <summary>The folder that holds PostfixLint.sln (BenchmarkDotNet runs from a child folder of it).</summary>
    public static string RepositoryRoot => RepositoryLayout.Root;

    /// <summary>The real-world config corpus: $POSTFIXLINT_CORPUS, else ../shared/corpus beside the repository.</summary>
    public static string Corpus => TestCorpus.ExpectedPath;

    /// <summary>The installed postfix-lint (the AOT build): $POSTFIXLINT_BIN, else artifacts/tool/postfix-lint.</summary>
    public static string PostfixLint =>
        Environment.GetEnvironmentVariable("POSTFIXLINT_BIN") is { Length: > 0 } binary
            ? binary
            : Path.Combine(RepositoryRoot, "artifacts", "tool", "postfix-lint");

    /// <summary>The largest file in the corpus whose name ends with <paramref name="suffix"/>.</summary>
    public static string LargestCorpusFile(string suffix)
    {
        if (!Directory.Exists(Corpus))
        {
            throw new InvalidOperationException($"corpus not found at {Corpus}; set POSTFIXLINT_CORPUS");
        }

        return Directory.EnumerateFiles(Corpus, "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(suffix, StringComparison.Ordinal))
            .OrderByDescending(path => new FileInfo(path).Length)
            .ThenBy(path => path, StringComparer.Ordinal)
            .First();
    }

    /// <summary>A new temporary directory holding <paramref name="mainCf"/> as main.cf and <paramref name="masterCf"/> as master.cf.</summary>
    /// <remarks>Back-dated: every Postfix command pauses on a main.cf modified in the last seconds.</remarks>
    public static string ConfigDirectory(string mainCf, string masterCf)
    {
        var directory = Directory.CreateTempSubdirectory("postfix-lint-bench-").FullName;
        foreach (var (source, name) in new[] { (mainCf, "main.cf"), (masterCf, "master.cf") })
        {
            ConfigFiles.Copy(source, Path.Combine(directory, name));
        }

        return directory;
    }
}
