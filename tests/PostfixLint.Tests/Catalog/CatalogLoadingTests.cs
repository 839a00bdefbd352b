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
        var stopwatch = Stopwatch.StartNew();
        const int rounds = 20;

        for (var i = 0; i < rounds; i++)
        {
            CatalogData.Load().Names.Should().HaveCount(831);
        }

        // Parsed on every CLI start; the budget is about 1 ms, asserted with slack for a shared CI machine.
        (stopwatch.Elapsed.TotalMilliseconds / rounds).Should().BeLessThan(10);
    }

    [Test]
    public void Names_are_in_postconf_byte_order()
    {
        var names = ParameterCatalog.Postfix37.Names;

        names.Should().BeInAscendingOrder(StringComparer.Ordinal);
        names.Should().HaveCount(831).And.OnlyHaveUniqueItems();
    }
}
