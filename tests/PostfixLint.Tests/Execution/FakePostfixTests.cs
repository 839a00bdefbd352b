using System.Diagnostics;
using System.Text.Json;

namespace PostfixLint.Tests.Execution;

/// <summary>The fake postfix/postmap program that Execution unit tests run instead of real Postfix.</summary>
public sealed class FakePostfixTests
{
    /// <summary>The fake, built next to the test assembly by the project reference.</summary>
    private static string FakePath => Path.Combine(TestContext.CurrentContext.TestDirectory, "fake-postfix");

    [Test]
    public async Task I_can_run_the_fake_and_get_its_arguments_output_and_exit_code()
    {
        var argsFile = Path.Combine(Directory.CreateTempSubdirectory("pfl-fake-").FullName, "args.jsonl");
        try
        {
            var start = new ProcessStartInfo(FakePath)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["FAKE_POSTFIX_ARGS_FILE"] = argsFile,
                    ["FAKE_POSTFIX_STDOUT"] = "OK\n",
                    ["FAKE_POSTFIX_STDERR"] = "postmap: fatal: open database hash:/etc/postfix/access.db: No such file\n",
                    ["FAKE_POSTFIX_EXIT_CODE"] = "75",
                },
            };
            string[] arguments = ["-q", "user@example.com", "lmdb:/etc/postfix/sender login", ""];
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);

            process.ExitCode.Should().Be(75);
            (await stdout).Should().Be("OK\n");
            (await stderr).Should().StartWith("postmap: fatal: open database");
            var runs = await File.ReadAllLinesAsync(argsFile);
            runs.Should().ContainSingle();
            JsonSerializer.Deserialize<string[]>(runs[0]).Should().Equal(arguments);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(argsFile)!, recursive: true);
        }
    }
}
