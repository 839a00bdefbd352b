using System.Text;
using CliWrap;
using CliWrap.Buffered;
using PostfixLint.Testing;

namespace PostfixLint.IntegrationTests.PreCommit;

/// <summary>
/// Real pre-commit on a sample configuration repository whose <c>.pre-commit-config.yaml</c> uses this repository as
/// the hook source: a commit that opens the relay is refused with the finding, a good one passes.
/// </summary>
[TestFixture]
public sealed class PreCommitHookTests
{
    private const string Good = "compatibility_level = 3.6\nmynetworks = 127.0.0.0/8 [::1]/128\n";
    private const string Bad = "compatibility_level = 3.6\nmynetworks = 127.0.0.0/8 [::1]/128 0.0.0.0/0\n";

    [Test]
    public async Task A_commit_that_opens_the_relay_is_refused_and_a_good_one_passes()
    {
        var preCommit = Which("pre-commit");
        if (preCommit is null)
        {
            TestCorpus.Missing("!!! pre-commit IS NOT INSTALLED (scripts/test.sh installs it). This test did NOT run. !!!");
        }

        var sourceRevision = (await RunAsync("git", ["-C", RepositoryLayout.Root, "rev-parse", "HEAD"], RepositoryLayout.Root)).Out.Trim();
        var repository = ConfigFiles.CreateTemporaryDirectory("pfl-precommit");
        var home = Path.Combine(repository, ".pre-commit-home");
        try
        {
            await RunAsync("git", ["init", "-q", "-b", "main"], repository);
            await RunAsync("git", ["config", "user.email", "admin@example.com"], repository);
            await RunAsync("git", ["config", "user.name", "Admin"], repository);
            File.WriteAllText(Path.Combine(repository, ".pre-commit-config.yaml"),
                $"repos:\n  - repo: {RepositoryLayout.Root}\n    rev: {sourceRevision}\n    hooks:\n      - id: postfix-lint\n");
            File.WriteAllText(Path.Combine(repository, ".gitignore"), ".pre-commit-home/\n");
            Directory.CreateDirectory(Path.Combine(repository, "postfix"));
            File.WriteAllText(Path.Combine(repository, "postfix", "main.cf"), Good);
            File.WriteAllText(Path.Combine(repository, "postfix", "master.cf"), "smtp      inet  n       -       y       -       -       smtpd\n");
            await RunAsync(preCommit!, ["install"], repository, home);

            await RunAsync("git", ["add", "-A"], repository);
            var good = await RunAsync("git", ["commit", "-q", "-m", "A closed relay"], repository, home, check: false);
            good.ExitCode.Should().Be(0, good.Out + good.Error);

            File.WriteAllText(Path.Combine(repository, "postfix", "main.cf"), Bad);
            await RunAsync("git", ["add", "-A"], repository);
            var bad = await RunAsync("git", ["commit", "-q", "-m", "Trust everyone"], repository, home, check: false);
            bad.ExitCode.Should().NotBe(0, "the hook must refuse the commit");
            (bad.Out + bad.Error).Should().Contain("PFL501 open-relay").And.Contain("postfix/main.cf:2:");
        }
        finally
        {
            Directory.Delete(repository, recursive: true);
        }
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(
        string program, string[] arguments, string directory, string? preCommitHome = null, bool check = true)
    {
        // The first commit builds the tool in pre-commit's clone: allow for a cold NuGet cache.
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var command = CliWrap.Cli.Wrap(program).WithArguments(a => a.Add(arguments)).WithWorkingDirectory(directory)
            .WithValidation(CommandResultValidation.None);
        if (preCommitHome is not null)
        {
            command = command.WithEnvironmentVariables(e => e.Set("PRE_COMMIT_HOME", preCommitHome));
        }

        var result = await command.ExecuteBufferedAsync(Encoding.UTF8, Encoding.UTF8, cancellation.Token);
        if (check && result.ExitCode != 0)
        {
            Assert.Fail($"{program} {string.Join(' ', arguments)} exited {result.ExitCode}: {result.StandardOutput}{result.StandardError}");
        }

        return (result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
