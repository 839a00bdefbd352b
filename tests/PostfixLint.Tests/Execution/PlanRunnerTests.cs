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

    [Test]
    public void The_directory_is_flushed_after_each_rename()
    {
        var path = Path.Combine(_directory, "main.cf");
        SourceFile.Write(path, "a = 1\n");
        var before = DirectorySync.Count;

        AtomicFileWriter.WriteReplacing(path, path, Encoding.Latin1.GetBytes("a = 2\n"));

        DirectorySync.Count.Should().BeGreaterThan(before);
        DirectorySync.Flush(_directory).Should().BeTrue();
        var missing = () => DirectorySync.Flush(Path.Combine(_directory, "no-such-directory"));
        missing.Should().Throw<IOException>();
    }

    [Test]
    public void A_second_write_never_overwrites_the_first_backup()
    {
        var path = Path.Combine(_directory, "main.cf");
        SourceFile.Write(path, "a = 1\n");
        var runner = new PlanRunner(new CliWrapPostfixCommands());

        var first = runner.Write(Plan(new FileChange(path, "a = 1\n", "a = 2\n", false)));
        var second = runner.Write(Plan(new FileChange(path, "a = 2\n", "a = 3\n", false)));
        var third = runner.Write(Plan(new FileChange(path, "a = 3\n", "a = 4\n", false)));

        first.Backups.Should().Equal(path + ".postfix-lint.bak");
        second.Backups.Should().Equal(path + ".postfix-lint.1.bak");
        third.Backups.Should().Equal(path + ".postfix-lint.2.bak");
        SourceFile.Read(path + ".postfix-lint.bak").Should().Be("a = 1\n");
        SourceFile.Read(path + ".postfix-lint.1.bak").Should().Be("a = 2\n");
        SourceFile.Read(path + ".postfix-lint.2.bak").Should().Be("a = 3\n");
        second.Steps.Should().Contain($"wrote {path} (backup {path}.postfix-lint.1.bak)");
    }

    [Test]
    public async Task A_rollback_removes_a_database_the_failed_apply_built_and_restores_a_rebuilt_one()
    {
        var mainCf = Path.Combine(_directory, "main.cf");
        var fresh = Path.Combine(_directory, "new_table");
        var existing = Path.Combine(_directory, "old_table");
        SourceFile.Write(mainCf, "a = 1\n");
        SourceFile.Write(fresh, "k OK\n");
        SourceFile.Write(existing, "k OK\n");
        File.WriteAllBytes(existing + ".db", [1, 2, 3]);
        var time = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(existing + ".db", time);
        var listing = Directory.GetFiles(_directory).Order(StringComparer.Ordinal).ToList();
        var plan = new FixPlan(_directory, [new FileChange(mainCf, "a = 1\n", "a = 2\n", false)], [],
            [new RebuildMap("postmap", "hash", fresh, "source changed"), new RebuildMap("postmap", "hash", existing, "database stale"), new CheckConfiguration(), new Reload()],
            [], 1, ImmutableArray<string>.Empty);
        var commands = new FailingCheck();

        var report = await new PlanRunner(commands).ApplyAsync(plan, PostfixLint.Model.PostfixConfig.Load(_directory));

        report.Succeeded.Should().BeFalse();
        report.RolledBack.Should().BeTrue();
        commands.Built.Should().Equal(fresh, existing);
        File.Exists(fresh + ".db").Should().BeFalse("the failed apply built it; the rollback removes it");
        File.ReadAllBytes(existing + ".db").Should().Equal([1, 2, 3]);
        File.GetLastWriteTimeUtc(existing + ".db").Should().Be(time);
        SourceFile.Read(mainCf).Should().Be("a = 1\n");
        Directory.GetFiles(_directory).Where(f => !f.Contains(".postfix-lint", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Should().Equal(listing, "the directory is as before, apart from the backup");
        report.Steps.Should().Contain($"rollback: removed {fresh}.db (built by this run)").And.Contain($"rollback: restored {existing}.db");
    }

    private FixPlan Plan(params FileChange[] files) =>
        new(_directory, [.. files], [], [new CheckConfiguration()], [], 1, ImmutableArray<string>.Empty);

    /// <summary>postmap writes a new database for each table; postfix check fails.</summary>
    private sealed class FailingCheck : IPostfixCommands
    {
        public List<string> Built { get; } = [];

        public Task<CommandResult> RebuildMapAsync(string command, string type, string path, string configDirectory, CancellationToken cancellationToken = default)
        {
            Built.Add(path);
            File.WriteAllBytes(path + ".db", [9, 9]);
            return Task.FromResult(Result("postmap", 0));
        }

        public Task<CommandResult> CheckAsync(string configDirectory, CancellationToken cancellationToken = default) =>
            Task.FromResult(Result("postfix", 1) with { StandardError = "postfix/postfix-script: fatal: something is wrong" });

        public Task<CommandResult> ReloadAsync(string configDirectory, CancellationToken cancellationToken = default) => Task.FromResult(Result("postfix", 0));

        public Task<CommandResult> PostconfNonDefaultAsync(string configDirectory, CancellationToken cancellationToken = default) => Task.FromResult(Result("postconf", 0));

        private static CommandResult Result(string program, int exit) => new(program, [], exit, "", "");
    }
}
