using System.Collections.Immutable;
using System.Text;
using PostfixLint.Execution;
using PostfixLint.Fixing;
using PostfixLint.Syntax;

namespace PostfixLint.Tests.Execution;

/// <summary>Writing a plan's files: atomic, refused when a file changed since it was read, and all or nothing.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PlanRunnerTests
{
    private string _directory = "";

    [SetUp]
    public void SetUp() => _directory = Directory.CreateTempSubdirectory("pfl-runner-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void A_file_modified_between_read_and_write_is_not_overwritten()
    {
        var path = Path.Combine(_directory, "main.cf");
        SourceFile.Write(path, "mynetworks = 127.0.0.0/8\n");
        var plan = Plan(new FileChange(path, "mynetworks = 127.0.0.0/8\n", "mynetworks = 127.0.0.0/8 192.168.1.100\n", false));
        SourceFile.Write(path, "mynetworks = 127.0.0.0/8\n# an admin's edit in between\n");

        var report = new PlanRunner(new CliWrapPostfixCommands()).Write(plan);

        report.Succeeded.Should().BeFalse();
        report.Steps.Should().ContainSingle().Which.Should().Contain("changed since it was read");
        SourceFile.Read(path).Should().Be("mynetworks = 127.0.0.0/8\n# an admin's edit in between\n");
    }

    [Test]
    public void When_one_file_is_refused_the_files_written_before_it_are_restored()
    {
        var first = Path.Combine(_directory, "a_main.cf");
        var second = Path.Combine(_directory, "b_access");
        SourceFile.Write(first, "x = 1\n");
        SourceFile.Write(second, "k OK\n");
        var plan = Plan(new FileChange(first, "x = 1\n", "x = 2\n", false), new FileChange(second, "k OK\n", "k REJECT\n", false));
        SourceFile.Write(second, "k DUNNO\n");

        var report = new PlanRunner(new CliWrapPostfixCommands()).Write(plan);

        report.Succeeded.Should().BeFalse();
        File.ReadAllBytes(first).Should().Equal(Encoding.Latin1.GetBytes("x = 1\n"));
        SourceFile.Read(second).Should().Be("k DUNNO\n");
    }

    [Test]
    public void A_rename_never_happens_over_bytes_that_changed_after_the_temporary_file_was_written()
    {
        var path = Path.Combine(_directory, "main.cf");
        SourceFile.Write(path, "b = 2\n");

        var act = () => AtomicFileWriter.WriteReplacing(path, path, Encoding.Latin1.GetBytes("c = 3\n"), unchanged: Encoding.Latin1.GetBytes("a = 1\n"));

        act.Should().Throw<FileChangedException>();
        SourceFile.Read(path).Should().Be("b = 2\n");
        Directory.GetFiles(_directory).Should().ContainSingle();
    }

    [Test]
    public void A_password_table_keeps_mode_0600_through_the_write()
    {
        var path = Path.Combine(_directory, "sasl_passwd");
        SourceFile.Write(path, "[smtp.example.com]:587 user:old\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var report = new PlanRunner(new CliWrapPostfixCommands()).Write(Plan(new FileChange(path, "[smtp.example.com]:587 user:old\n", "[smtp.example.com]:587 user:new\n", true)));

        report.Succeeded.Should().BeTrue();
        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(path + AtomicFileWriter.BackupSuffix).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private FixPlan Plan(params FileChange[] files) =>
        new(_directory, [.. files], [], [new CheckConfiguration()], [], 1, ImmutableArray<string>.Empty);
}
