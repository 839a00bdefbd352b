using System.Text;
using PostfixLint.Tests.Cli;

namespace PostfixLint.IntegrationTests.Show;

/// <summary><c>postfix-lint show</c> against the real <c>postconf</c> of Postfix 3.7.</summary>
public sealed class ShowAgainstPostconfTests
{
    [TestCase("-n")]
    [TestCase("-n", "-x")]
    [TestCase("-n", "myhostname", "mynetworks", "relayhost")]
    [TestCase("-M")]
    [TestCase("-M", "smtp/inet", "nosuch")]
    [TestCase("-P")]
    [TestCase("-d", "smtpd_relay_restrictions", "relay_domains")]
    public async Task Show_prints_what_postconf_prints_for_the_debian_example(params string[] flags)
    {
        var directory = RepositoryPaths.DebianDefault;
        var postconf = await ProcessRun.OfAsync(ProcessRun.PostconfPath, ["-c", directory, .. flags]);

        var run = CliRun.Of(["show", "-c", directory, .. flags]);
        run.ExitCode.Should().Be(postconf.ExitCode);
        run.Out.Should().Be(Encoding.Latin1.GetString(postconf.Out));
        run.Error.Replace("postfix-lint: ", "postconf: ", StringComparison.Ordinal)
            .Should().Be(Encoding.Latin1.GetString(postconf.Error).Replace("/usr/sbin/postconf: ", "postconf: ", StringComparison.Ordinal));
    }

    [Test]
    public async Task Show_reproduces_non_ascii_bytes_as_postconf_does()
    {
        var directory = Directory.CreateTempSubdirectory("postfix-lint-latin1-").FullName;
        try
        {
            // A UTF-8 "é" (two bytes) and a lone Latin-1 "é" (one byte, invalid UTF-8): both must come back as they were.
            byte[] mainCf = [.. "smtpd_banner = caf"u8.ToArray(), 0xC3, 0xA9, .. " / caf"u8.ToArray(), 0xE9, .. "\nmyhostname = mail.example.org\n"u8.ToArray()];
            var mainCfPath = Path.Combine(directory, "main.cf");
            ConfigFiles.Write(mainCfPath, mainCf);
            string[] arguments = ["show", "-c", directory, "-n", "smtpd_banner"];

            var postconf = await ProcessRun.OfAsync(ProcessRun.PostconfPath, arguments[1..]);
            var run = await ProcessRun.OfAsync(ProcessRun.PostfixLintPath, arguments);

            run.ExitCode.Should().Be(0);
            run.Out.Should().Equal(postconf.Out);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task The_built_executable_prints_its_version()
    {
        var run = await ProcessRun.OfAsync(ProcessRun.PostfixLintPath, ["--version"]);

        run.ExitCode.Should().Be(0);
        Encoding.ASCII.GetString(run.Out).Should().MatchRegex(@"^0\.\d+\.\d+");
    }

}
