using System.Text;
using PostfixLint.Fixing;
using PostfixLint.Syntax;
using PostfixLint.Tests.Analysis;
using PostfixLint.Tests.Cli;
using PostfixLint.Tests.Support;

namespace PostfixLint.Tests.Fixing;

/// <summary><c>postfix-lint fix</c> end to end on the seed's case, with the fake postfix standing in for the real programs.</summary>
[NonParallelizable]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FixCommandTests
{
    private const string MainCf =
        "# the seed: the office moved to 192.168.1.100\n"
        + "compatibility_level = 3.6\n"
        + "mynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128\n"
        + "smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated reject_unauth_destination\n";

    private const string Fixed =
        "# the seed: the office moved to 192.168.1.100\n"
        + "compatibility_level = 3.6\n"
        + "mynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128 192.168.1.100\n"
        + "smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated reject_unauth_destination\n";

    private string _directory = "";

    private static string FakePath => Path.Combine(TestContext.CurrentContext.TestDirectory, "fake-postfix");

    private string MainCfPath => Path.Combine(_directory, "main.cf");

    private string ArgsFile => Path.Combine(_directory, "..", Path.GetFileName(_directory) + ".args");

    [SetUp]
    public void SetUp()
    {
        _directory = Directory.CreateTempSubdirectory("pfl-fix-cli-").FullName;
        SourceFile.Write(MainCfPath, MainCf);
        File.WriteAllText(Path.Combine(_directory, "policy.json"), """{"policy": {"mayRelay": [{"client": "192.168.1.100", "service": "smtp"}]}}""");
        Environment.SetEnvironmentVariable("FAKE_POSTFIX_ARGS_FILE", ArgsFile);
    }

    [TearDown]
    public void TearDown()
    {
        foreach (var name in new[] { "FAKE_POSTFIX_ARGS_FILE", "FAKE_POSTFIX_STDOUT", "FAKE_POSTFIX_STDERR", "FAKE_POSTFIX_EXIT_CODE" })
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        File.Delete(ArgsFile);
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public void I_can_see_the_diff_and_the_plan_and_nothing_is_written()
    {
        var run = Fix("--diff");

        run.ExitCode.Should().Be(1, run.Error);
        run.Out.Should().Contain("-mynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128\n+mynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128 192.168.1.100\n");
        run.Out.Should().Contain("PFL111 [safe] Add `192.168.1.100` to mynetworks");
        run.Out.Should().Contain($"postfix -c {_directory} check").And.Contain($"postfix -c {_directory} reload");
        SourceFile.Read(MainCfPath).Should().Be(MainCf);
        File.Exists(ArgsFile).Should().BeFalse("--diff runs nothing");
    }

    [Test]
    public void Diff_exits_0_when_there_is_nothing_to_fix()
    {
        SourceFile.Write(MainCfPath, Fixed);

        var run = Fix("--diff");

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        run.Out.Should().StartWith("Nothing to fix.");
    }

    [Test]
    public void Write_replaces_the_file_keeping_its_mode_and_a_backup_and_runs_nothing()
    {
        File.SetUnixFileMode(MainCfPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var run = Fix("--write");

        run.ExitCode.Should().Be(0, run.Error);
        SourceFile.Read(MainCfPath).Should().Be(Fixed);
        File.GetUnixFileMode(MainCfPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        SourceFile.Read(MainCfPath + ".postfix-lint.bak").Should().Be(MainCf);
        run.Out.Should().Contain("Plan (not run; run it, or use --apply):");
        File.Exists(ArgsFile).Should().BeFalse("--write runs nothing");
        Directory.GetFiles(_directory, ".*postfix-lint-*").Should().BeEmpty("no temporary file is left");
    }

    [Test]
    public void Apply_writes_checks_reloads_and_reads_back_postconf()
    {
        Environment.SetEnvironmentVariable("FAKE_POSTFIX_STDOUT", "mynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128 192.168.1.100\n");

        var run = Fix("--apply");

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        SourceFile.Read(MainCfPath).Should().Be(Fixed);
        Runs().Should().Equal(
            $"-c {_directory} check",
            $"-c {_directory} reload",
            $"-c {_directory} -n");
        run.Out.Should().Contain("mynetworks read back as written").And.EndWith("Applied.\n");
    }

    [Test]
    public void Apply_of_a_listener_fix_says_stop_and_start_and_does_not_reload()
    {
        // PFL112: the policy's client is in mynetworks but cannot connect to a loopback-only listener.
        SourceFile.Write(MainCfPath, Fixed.Replace("compatibility_level = 3.6\n", "compatibility_level = 3.6\ninet_interfaces = loopback-only\n", StringComparison.Ordinal));
        Environment.SetEnvironmentVariable("FAKE_POSTFIX_STDOUT", "inet_interfaces = all\n");

        var run = CliRun.Of(["fix", "-c", _directory, "--policy", Path.Combine(_directory, "policy.json"), "--select", "PFL112", "--unsafe-fixes", "--apply", "--postfix-program", FakePath]);

        run.ExitCode.Should().Be(0, run.Out + run.Error);
        SourceFile.Read(MainCfPath).Should().Contain("\ninet_interfaces = all\n");
        Runs().Should().Equal($"-c {_directory} check", $"-c {_directory} -n");
        run.Out.Should().Contain("PFL112 [unsafe] Set `inet_interfaces = all`")
            .And.Contain($"postfix -c {_directory} stop && postfix -c {_directory} start")
            .And.Contain("Restart needed: inet_interfaces changed")
            .And.NotContain($"postfix -c {_directory} reload");
    }

    [Test]
    public void Apply_rolls_back_byte_for_byte_when_postfix_check_fails()
    {
        Environment.SetEnvironmentVariable("FAKE_POSTFIX_EXIT_CODE", "1");
        Environment.SetEnvironmentVariable("FAKE_POSTFIX_STDERR", "postfix/postfix-script: fatal: something is wrong\n");

        var run = Fix("--apply");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("rolled back");
        run.Out.Should().Contain("fatal: something is wrong").And.Contain("restored " + MainCfPath);
        File.ReadAllBytes(MainCfPath).Should().Equal(Encoding.Latin1.GetBytes(MainCf));
        Runs().Should().Equal($"-c {_directory} check", $"-c {_directory} reload");
    }

    [Test]
    public void Apply_rolls_back_when_postconf_reads_back_something_else()
    {
        Environment.SetEnvironmentVariable("FAKE_POSTFIX_STDOUT", "mynetworks = 127.0.0.0/8\n");

        var run = Fix("--apply");

        run.ExitCode.Should().Be(2);
        run.Out.Should().Contain("postconf -c " + _directory + " -n differs: mynetworks");
        SourceFile.Read(MainCfPath).Should().Be(MainCf);
    }

    [Test]
    public void I_can_emit_the_plan_as_a_shell_script_that_writes_the_same_bytes()
    {
        var run = Fix("--emit-commands");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().StartWith("#!/bin/sh\n").And.Contain($"postfix -c {_directory} reload");
        var fileSteps = string.Join("\n", run.Out.Split('\n').TakeWhile(l => !l.StartsWith("postfix ", StringComparison.Ordinal)));
        var script = Path.Combine(_directory, "..", Path.GetFileName(_directory) + ".sh");
        File.WriteAllText(script, fileSteps + "\n");
        try
        {
            using var shell = System.Diagnostics.Process.Start("/bin/sh", [script]);
            shell.WaitForExit();
            shell.ExitCode.Should().Be(0);
        }
        finally
        {
            File.Delete(script);
        }

        SourceFile.Read(MainCfPath).Should().Be(Fixed);
        SourceFile.Read(MainCfPath + ".postfix-lint.bak").Should().Be(MainCf);
    }

    [Test]
    public void A_second_write_keeps_the_first_runs_backup_and_numbers_its_own()
    {
        Fix("--write").ExitCode.Should().Be(0);
        SourceFile.Write(MainCfPath, MainCf);

        Fix("--write").ExitCode.Should().Be(0);

        SourceFile.Read(MainCfPath + ".postfix-lint.bak").Should().Be(MainCf, "the first run's backup is never overwritten");
        SourceFile.Read(MainCfPath + ".postfix-lint.1.bak").Should().Be(MainCf, "the second run backs up under the next number");
        File.Exists(MainCfPath + ".postfix-lint.2.bak").Should().BeFalse();
    }

    [Test]
    public void Exactly_one_mode_is_required() =>
        CliRun.Of(["fix", "-c", _directory, "--diff", "--write"]).ExitCode.Should().Be(2);

    [Test]
    public void Corpus_files_with_no_fixable_finding_are_unchanged_byte_for_byte_after_fix_write()
    {
        var checkedFiles = 0;
        foreach (var file in Corpus.Files().Where(f => Path.GetFileName(f).EndsWith("main.cf", StringComparison.Ordinal)))
        {
            var directory = Directory.CreateTempSubdirectory("pfl-fix-corpus-").FullName;
            try
            {
                File.Copy(file, Path.Combine(directory, "main.cf"));
                var (config, options) = EngineLinter.Load(directory);
                if (FixApplier.Plan(config, new FixOptions { Lint = options }).HasChanges)
                {
                    continue;
                }

                var run = CliRun.Of(["fix", "-c", directory, "--write"]);
                run.ExitCode.Should().Be(config.IsUsable ? 0 : 2, $"{file}: {run.Error}");
                File.ReadAllBytes(Path.Combine(directory, "main.cf")).Should().Equal(File.ReadAllBytes(file), file);
                Directory.GetFiles(directory).Should().ContainSingle(file);
                checkedFiles++;
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        TestContext.Out.WriteLine($"{checkedFiles} corpus main.cf files without a safe fix (or that Postfix cannot use) were left byte for byte as they were");
        checkedFiles.Should().BePositive();
    }

    private CliRun Fix(string mode) =>
        CliRun.Of(["fix", "-c", _directory, "--policy", Path.Combine(_directory, "policy.json"), mode, "--postfix-program", FakePath]);

    private List<string> Runs() =>
        File.Exists(ArgsFile)
            ? [.. File.ReadAllLines(ArgsFile).Select(l => string.Join(' ', System.Text.Json.JsonSerializer.Deserialize<string[]>(l)!))]
            : [];
}
