namespace PostfixLint.IntegrationTests.Catalog;

/// <summary>Finds files under the repository's testdata/ directory.</summary>
internal static class TestData
{
    public static string Path(params string[] parts)
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !System.IO.Directory.Exists(System.IO.Path.Combine(directory.FullName, "testdata")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            Assert.Fail($"testdata/ not found above {TestContext.CurrentContext.TestDirectory}");
        }

        return System.IO.Path.Combine([directory!.FullName, "testdata", .. parts]);
    }
}
