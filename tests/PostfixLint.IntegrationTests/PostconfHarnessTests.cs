using System.Collections.Immutable;
using PostfixLint.IntegrationTests.Support;
using PostfixLint.Model;
using PostfixLint.Syntax;
using PostfixLint.Diagnostics;

namespace PostfixLint.IntegrationTests;

/// <summary>Checks the harness itself against real postconf, without the library, so a red differential test means the library.</summary>
public sealed class PostconfHarnessTests
{
    [Test]
    public async Task Parses_lines_and_strips_the_warning_prefix()
    {
        using var directory = TempConfigDirectory.Create("myhostname = mail.example.com\nfoo_typo = 1\n");

        var run = await Postconf.RunAsync(directory.Path, "-n");

        run.ExitCode.Should().Be(0);
        run.Lines.Should().Contain("myhostname = mail.example.com").And.Contain($"config_directory = {directory.Path}");
        run.Warnings.Should().Contain($"{directory.Path}/main.cf: unused parameter: foo_typo=1");
        run.Fatals.Should().BeEmpty();
        run.OtherStderr.Should().BeEmpty();
    }

    [Test]
    public async Task Config_files_are_back_dated_so_postconf_does_not_pause()
    {
        using var directory = TempConfigDirectory.Create("myhostname = mail.example.com\n");

        var run = await Postconf.RunAsync(directory.Path, "-n");

        // Without back-dating postconf pauses ~2 s on a freshly written main.cf; the time is reported, not asserted.
        TestContext.Out.WriteLine($"postconf -n on a back-dated main.cf: {run.Duration.TotalMilliseconds:F0} ms");
        run.ExitCode.Should().Be(0);
        File.GetLastWriteTimeUtc(directory.MainCfPath).Should().BeBefore(DateTime.UtcNow.AddSeconds(-30));
    }

    [Test]
    public async Task Captures_a_fatal_error_and_its_exit_status_without_throwing()
    {
        using var directory = TempConfigDirectory.Create("no equals sign here\n");

        var run = await Postconf.RunAsync(directory.Path, "-n");

        run.ExitCode.Should().Be(1);
        run.Fatals.Should().Equal($"{directory.Path}/main.cf, line 1: missing '=' after attribute name: \"no equals sign here\"");
        run.OtherStderr.Should().BeEmpty();
    }

    [Test]
    public async Task Normalization_drops_only_the_added_config_directory()
    {
        using var directory = TempConfigDirectory.Create("myhostname = mail.example.com\n");

        var run = await Postconf.RunAsync(directory.Path);
        var normalized = Differential.Normalize(run.Lines, directory.Path);

        normalized.Should().HaveCount(run.Lines.Length - 1);
        normalized.Should().NotContain(l => l.StartsWith("config_directory = ", StringComparison.Ordinal));
        normalized.Should().Contain("process_id_directory = pid");
    }

    [Test]
    public async Task Captures_the_process_id_postconf_prints()
    {
        using var directory = TempConfigDirectory.Create("");

        var run = await Postconf.RunAsync(directory.Path, "process_id");

        run.ProcessId.Should().BePositive();
        run.Lines.Should().Equal($"process_id = {run.ProcessId}");
    }

    [Test]
    public async Task Defaults_keep_the_compiled_in_config_directory_line()
    {
        using var directory = TempConfigDirectory.Create("");

        var run = await Postconf.RunAsync(directory.Path, "-d");

        Differential.Normalize(run.Lines, directory.Path).Should().Contain("config_directory = /etc/postfix");
        run.Warnings.Should().BeEmpty();
    }

    [Test]
    public async Task Comparison_accepts_an_identical_output_and_reordered_repeated_warnings()
    {
        using var directory = TempConfigDirectory.Create("foo = 1\nfoo = 2\nfoo = 1\n");
        var run = await Postconf.RunAsync(directory.Path, "-n");
        var lines = Differential.Normalize(run.Lines, directory.Path);
        var messages = run.Warnings.Distinct().Reverse().Select(t => new Diagnostic("PFL043", DiagnosticSeverity.Warning, null, null, t)).ToImmutableArray();

        var comparison = Differential.Compare(run, new PostconfOutput(lines, messages, Failed: false), directory.Path);

        comparison.Matches.Should().BeTrue(comparison.Report);
        run.Warnings.Should().Contain($"{directory.Path}/main.cf, line 3: overriding earlier entry: foo=2");
    }

    [Test]
    public async Task Comparison_reports_missing_lines_missing_warnings_and_failure_status()
    {
        using var directory = TempConfigDirectory.Create("myhostname = mail.example.com\nfoo = 1\n");
        var run = await Postconf.RunAsync(directory.Path, "-n");

        var comparison = Differential.Compare(run, new PostconfOutput([], [new Diagnostic("PFL040", DiagnosticSeverity.Fatal, null, null, "bogus")], Failed: true), directory.Path);
        TestContext.Out.WriteLine(comparison.Report + Differential.DescribeInput(directory));

        comparison.Matches.Should().BeFalse();
        comparison.Report.Should().Contain("myhostname = mail.example.com")
            .And.Contain("unused parameter: foo=1")
            .And.Contain("bogus")
            .And.Contain("Failed=True");
    }

    [Test]
    public void Splits_output_without_inventing_an_empty_last_line()
    {
        Postconf.SplitLines("a\nb\n").Should().Equal("a", "b");
        Postconf.SplitLines("a\nb").Should().Equal("a", "b");
        Postconf.SplitLines("").Should().BeEmpty();
    }

    [Test]
    public void Temp_directory_deletes_itself()
    {
        string path;
        using (var directory = TempConfigDirectory.Create("a = b\n", "master\n"))
        {
            path = directory.Path;
            File.ReadAllText(directory.MasterCfPath).Should().Be("master\n");
        }

        Directory.Exists(path).Should().BeFalse();
    }

    [Test]
    public void Query_flags_match_postconf_options()
    {
        Differential.Flags(Differential.NonDefaultExpanded).Should().Equal("-n", "-x");
        Differential.Flags(new PostconfQuery { DefaultsOnly = true, Expand = true, Names = ["relay_domains"] }).Should().Equal("-d", "-x", "relay_domains");
        Differential.Flags(Differential.Full).Should().BeEmpty();
    }
}
