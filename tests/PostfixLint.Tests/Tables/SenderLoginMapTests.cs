using PostfixLint.Model.Tables;

namespace PostfixLint.Tests.Tables;

public sealed class SenderLoginMapTests
{
    [Test]
    public void Tries_full_address_then_without_extension_then_local_part_then_at_domain()
    {
        using var support = new TableTestSupport();
        support.Write("logins", "full+ext@example.com a\nbare@example.com b, c\nlocal d\n@example.com e f\n");
        var factory = support.Factory();
        var map = new SenderLoginMap([factory.Open($"hash:{support.Directory}/logins")], "+", d => d == "local.test");
        map.FindOwners("full+ext@example.com").Owners.Should().Equal("a");
        var bare = map.FindOwners("bare+x@example.com");
        bare.Owners.Should().Equal("b", "c");
        bare.Key.Should().Be("bare@example.com");
        bare.Line.Should().Be(2);
        map.FindOwners("local@local.test").Owners.Should().Equal("d");
        map.FindOwners("local@example.com").Owners.Should().Equal("e", "f");
        map.FindOwners("x@other.test").Status.Should().Be(TableLookupStatus.NotFound);
        map.FindOwners("local@example.com").IsOwnedBy("F").Should().BeTrue();
    }

    [Test]
    public void Pattern_tables_only_see_the_full_address()
    {
        using var support = new TableTestSupport();
        support.Write("r", "/^(.*)@example\\.com$/ $1\n");
        var map = new SenderLoginMap([support.Factory().Open($"pcre:{support.Directory}/r")], "+", _ => false);
        map.FindOwners("bob+tag@example.com").Owners.Should().Equal("bob+tag");
        map.FindOwners("@example.com").Owners.Should().BeEmpty();
    }

    [Test]
    public void An_unknown_table_makes_the_owner_unknown()
    {
        using var support = new TableTestSupport();
        var map = new SenderLoginMap([support.Factory().Open("mysql:/x.cf")], "", _ => false);
        map.FindOwners("a@b").Status.Should().Be(TableLookupStatus.Unknown);
    }
}
