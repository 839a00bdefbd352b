using PostfixLint.Model.Catalog;

namespace PostfixLint.Tests.Catalog;

/// <summary>The embedded data loads completely (its load time is reported by CatalogBenchmarks).</summary>
[TestFixture]
public sealed class CatalogLoadingTests
{
    [Test]
    public void Loading_the_embedded_data_gives_every_name()
    {
        CatalogData.Load().Names.Should().HaveCount(831);
        CatalogData.Load().Names.Should().HaveCount(831, "a second load reads the same data");
    }

    [Test]
    public void Names_are_in_postconf_byte_order()
    {
        var names = ParameterCatalog.Postfix37.Names;

        names.Should().BeInAscendingOrder(StringComparer.Ordinal);
        names.Should().HaveCount(831).And.OnlyHaveUniqueItems();
    }
}
