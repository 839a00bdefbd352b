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

    [Test]
    public void A_relative_checked_directory_contains_the_files_named_by_its_absolute_path()
    {
        var absolute = Path.Combine(Environment.CurrentDirectory, "sasl");
        foreach (var given in new[] { "sasl", "sasl/", "sasl/.", "./sasl", absolute })
        {
            var mapper = new PathMapper("/etc/postfix", given, null);
            mapper.IsInCheckedDirectory(mapper.Locate(absolute + "/sender_login_maps")).Should().BeTrue(given);
            mapper.IsInCheckedDirectory(mapper.Locate("/etc/postfix/access")).Should().BeTrue(given);
            mapper.IsInCheckedDirectory(mapper.Locate(absolute + "x/sender_login_maps")).Should().BeFalse(given);
            mapper.IsInCheckedDirectory(mapper.Locate("/etc/aliases")).Should().BeFalse(given);
        }
    }

    [Test]
    public void Checking_the_configured_directory_in_place_vouches_for_every_file() =>
        new PathMapper("/etc/postfix", "/etc/postfix/.", null).IsInCheckedDirectory("/etc/aliases").Should().BeTrue();
}
