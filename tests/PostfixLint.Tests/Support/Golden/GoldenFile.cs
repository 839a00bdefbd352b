namespace PostfixLint.Tests.Support.Golden;

/// <summary>Compares output with a golden file, or rewrites the golden when <c>POSTFIXLINT_UPDATE_GOLDEN=1</c>.</summary>
internal static class GoldenFile
{
    /// <summary>The environment variable that makes <see cref="Verify"/> rewrite goldens instead of comparing.</summary>
    public const string UpdateVariable = "POSTFIXLINT_UPDATE_GOLDEN";

    /// <summary>True when goldens are being rewritten.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>
    /// The mismatch between <paramref name="actual"/> and the golden at <paramref name="path"/> as a unified diff, or
    /// null when they are equal. With <c>POSTFIXLINT_UPDATE_GOLDEN=1</c> the golden is written (deleted when
    /// <paramref name="actual"/> is null) and the result is null. A null <paramref name="actual"/> means "no golden".
    /// </summary>
    public static string? Compare(string path, string? actual)
    {
        var exists = File.Exists(path);
        if (Updating)
        {
            if (actual is null)
            {
                File.Delete(path);
            }
            else
            {
                File.WriteAllText(path, actual);
            }

            return null;
        }

        if (actual is null)
        {
            return exists ? $"{path} exists but nothing was produced for it: delete it, or run with {UpdateVariable}=1" : null;
        }

        if (!exists)
        {
            return $"{path} is missing: run the tests with {UpdateVariable}=1 to write it, then review it\n"
                   + UnifiedDiff.Create(string.Empty, actual, "/dev/null", Path.GetFileName(path));
        }

        var expected = File.ReadAllText(path);
        return expected == actual ? null : UnifiedDiff.Create(expected, actual, Path.GetFileName(path), Path.GetFileName(path) + " (actual)");
    }

    /// <summary>Fails the test with a unified diff when <paramref name="actual"/> differs from the golden at <paramref name="path"/>.</summary>
    public static void Verify(string path, string? actual)
    {
        var mismatch = Compare(path, actual);
        if (mismatch is not null)
        {
            Assert.Fail($"golden mismatch ({UpdateVariable}=1 rewrites it):\n{mismatch}");
        }
    }
}
