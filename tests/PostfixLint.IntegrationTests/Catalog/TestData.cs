using PostfixLint.Testing;

namespace PostfixLint.IntegrationTests.Catalog;

/// <summary>Finds files under the repository's testdata/ directory.</summary>
internal static class TestData
{
    public static string Path(params string[] parts) => RepositoryLayout.TestData(parts);
}
