using System.Diagnostics;
using PostfixLint.Model.Catalog;

namespace PostfixLint.Tests.Catalog;

/// <summary>The embedded data loads completely and quickly.</summary>
[TestFixture]
public sealed class CatalogLoadingTests
{
    [Test]
    public void Loading_the_embedded_data_is_fast()
    {
        CatalogData.Load();
        var fastest = double.MaxValue;

        for (var i = 0; i < 30; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            var data = CatalogData.Load();
            fastest = Math.Min(fastest, stopwatch.Elapsed.TotalMilliseconds);
            data.Names.Should().HaveCount(831);
        }

        TestContext.Out.WriteLine($"CatalogData.Load: fastest of 30 runs {fastest:F3} ms");

        // Parsed on every CLI start; the budget is about 1 ms (Release, warm), asserted with slack for a Debug
        // build on a shared machine. The fastest run filters out scheduling noise.
        fastest.Should().BeLessThan(5);
    }

    [Test]
    public void Names_are_in_postconf_byte_order()
    {
        var names = ParameterCatalog.Postfix37.Names;

        names.Should().BeInAscendingOrder(StringComparer.Ordinal);
        names.Should().HaveCount(831).And.OnlyHaveUniqueItems();
    }
}
