namespace PostfixLint.Tests.Cli;

public sealed class CommandLineTests
{
    [Test]
    public void Version_prints_the_package_version()
    {
        var run = CliRun.Of(["--version"]);

        run.ExitCode.Should().Be(0);
        run.Out.Should().MatchRegex(@"^\d+\.\d+\.\d+");
        run.Error.Should().BeEmpty();
    }

    [Test]
    public void Root_help_describes_help_and_version_in_System_CommandLine_words()
    {
        var run = CliRun.Of(["--help"]);

        run.Out.Should().MatchRegex(@"(?m)^  -\?, -h, --help +Show help and usage information$")
            .And.MatchRegex(@"(?m)^  --version +Show version information$");
    }

    [TestCase("-?")]
    [TestCase("/?")]
    [TestCase("/h")]
    [TestCase("show /?")]
    public void Help_answers_to_every_alias(string commandLine)
    {
        var run = CliRun.Of(commandLine.Split(' '));

        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain("Usage:");
    }

    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("show --help")]
    [TestCase("show -h")]
    public void Help_is_available_on_every_verb(string commandLine)
    {
        var run = CliRun.Of(commandLine.Split(' '));

        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain("Usage:").And.Contain("postfix-lint");
    }

    [Test]
    public void Show_help_lists_the_postconf_style_options()
    {
        var run = CliRun.Of(["show", "--help"]);

        run.Out.Should().Contain("-c, --config-dir <DIR>")
            .And.Contain("[default: /etc/postfix]")
            .And.Contain("-n, --non-default")
            .And.Contain("-x, --expand")
            .And.Contain("-d, --defaults")
            .And.Contain("--postconf <FILE|->")
            .And.Contain("--root <DIR>");
    }

    [Test]
    public void Running_without_a_verb_is_a_usage_error()
    {
        var run = CliRun.Of([]);

        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty();
        run.Error.Should().StartWith("postfix-lint: fatal: ").And.Contain("--help");
    }

    [TestCase("frobnicate")]
    [TestCase("show --bogus")]
    [TestCase("show -q")]
    [TestCase("show -c")]
    [TestCase("show --postconf")]
    public void Unknown_verbs_options_and_missing_values_are_usage_errors(string commandLine)
    {
        var run = CliRun.Of(commandLine.Split(' '));

        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty();
        run.Error.Should().StartWith("postfix-lint: fatal: ");
    }

    [TestCase("show -d -n")]
    [TestCase("show -nd")]
    [TestCase("show -dxn")]
    public void Defaults_and_non_defaults_together_are_refused_as_postconf_refuses_them(string commandLine)
    {
        var run = CliRun.Of(commandLine.Split(' '));

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("postfix-lint: fatal: specify one of -d -n\n");
    }

    [Test]
    public void Config_dir_and_postconf_input_together_are_a_usage_error()
    {
        var run = CliRun.Of(["show", "-c", "/etc/postfix", "--postconf", "-"]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--config-dir and --postconf cannot be used together");
    }

    [Test]
    public void A_missing_config_directory_exits_2_with_postconf_wording()
    {
        var missing = Path.Combine(Path.GetTempPath(), "postfix-lint-missing-" + Guid.NewGuid().ToString("N"));

        var run = CliRun.Of(["show", "-c", missing, "-n"]);

        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty();
        run.Error.Should().Be($"postfix-lint: fatal: open {missing}/main.cf: No such file or directory\n");
    }

    [Test]
    public void A_missing_postconf_file_exits_2()
    {
        var missing = Path.Combine(Path.GetTempPath(), "postfix-lint-missing-" + Guid.NewGuid().ToString("N") + ".txt");

        var run = CliRun.Of(["show", "--postconf", missing]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Be($"postfix-lint: fatal: open {missing}: No such file or directory\n");
    }
}
