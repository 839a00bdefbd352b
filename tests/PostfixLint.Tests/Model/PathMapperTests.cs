using PostfixLint.Model;

namespace PostfixLint.Tests.Model;

public sealed class PathMapperTests
{
    private static readonly PathMapper Mapper = new("/etc/postfix", "/repo/mx1/postfix", "/repo/mx1/root");

    [TestCase("/etc/postfix/access", "/repo/mx1/postfix/access")]
    [TestCase("/etc/postfix", "/repo/mx1/postfix")]
    [TestCase("/etc/postfix/sql/virtual.cf", "/repo/mx1/postfix/sql/virtual.cf")]
    [TestCase("/etc/postfixx/access", "/repo/mx1/root/etc/postfixx/access")]
    [TestCase("/etc/aliases", "/repo/mx1/root/etc/aliases")]
    [TestCase("relative/file", "relative/file")]
    public void Maps_configuration_paths_into_the_checked_tree(string written, string expected) =>
        Mapper.Map(written).Should().Be(expected);

    [Test]
    public void Without_a_root_other_paths_stay_as_written() =>
        new PathMapper("/etc/postfix", "/repo/postfix", null).Map("/etc/aliases").Should().Be("/etc/aliases");
}
