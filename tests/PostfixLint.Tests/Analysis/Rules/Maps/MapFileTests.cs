using PostfixLint.Analysis;
using PostfixLint.Model;

namespace PostfixLint.Tests.Analysis.Rules.Maps;

/// <summary>Where table files are looked up: the checked directory, <c>--root</c>, or nowhere (not verifiable).</summary>
public sealed class MapFileTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "pfl-maps-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void A_missing_file_outside_the_checked_directory_is_not_verifiable_without_a_root()
    {
        File.WriteAllText(Path.Combine(_directory, "main.cf"), "alias_maps = hash:/nonexistent-pfl-test/aliases\n");

        var ids = Lint(root: null);

        ids.Should().Contain("PFL402").And.NotContain("PFL401");
    }

    [Test]
    public void A_file_outside_the_checked_directory_is_not_read_without_a_root()
    {
        // /etc/hostname exists on this machine, but it says nothing about the server whose copy is checked.
        File.WriteAllText(Path.Combine(_directory, "main.cf"), "transport_maps = hash:/etc/hostname\n");

        Lint(root: null).Should().Contain("PFL402").And.NotContain("PFL403");
    }

    [Test]
    public void A_missing_file_under_the_root_is_an_error()
    {
        File.WriteAllText(Path.Combine(_directory, "main.cf"), "alias_maps = hash:/nonexistent-pfl-test/aliases\n");

        var ids = Lint(root: _directory);

        ids.Should().Contain("PFL401").And.NotContain("PFL402");
    }

    [Test]
    public void A_missing_file_in_the_checked_directory_is_an_error_without_a_root()
    {
        File.WriteAllText(Path.Combine(_directory, "main.cf"), "transport_maps = hash:/etc/postfix/transport\n");

        Lint(root: null).Should().Contain("PFL401");
    }

    [Test]
    public void Reports_a_database_older_than_its_source_and_not_a_newer_one()
    {
        File.WriteAllText(Path.Combine(_directory, "main.cf"), "transport_maps = hash:/etc/postfix/transport\n");
        var source = Path.Combine(_directory, "transport");
        var database = source + ".db";
        File.WriteAllText(source, "example.com smtp:[10.0.0.1]\n");
        File.WriteAllBytes(database, []);
        var now = DateTime.UtcNow;

        File.SetLastWriteTimeUtc(database, now.AddHours(-1));
        File.SetLastWriteTimeUtc(source, now);
        Lint(root: null).Should().Contain("PFL404").And.NotContain("PFL403");

        File.SetLastWriteTimeUtc(database, now.AddHours(1));
        Lint(root: null).Should().NotContain("PFL404").And.NotContain("PFL403");
    }

    private List<string> Lint(string? root)
    {
        var config = PostfixConfig.Load(_directory, new ConfigLoadOptions { Host = EngineLinter.Host, Root = root });
        return [.. Linter.Check(config).Findings.Select(f => f.Id)];
    }
}
