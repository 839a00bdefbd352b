using System.Text;

namespace PostfixLint.IntegrationTests.Show;

/// <summary>
/// Issue 9 §3: a UTF-8 byte-order mark at the start of main.cf, in every shape, read by <c>postfix-lint show</c> exactly as
/// the real <c>postconf</c> reads it (the three bytes belong to the first line: a BOM'd name is an unknown parameter, a
/// BOM before <c>#</c> or a blank line is a fatal "missing '='").
/// </summary>
public sealed class ShowBomAgainstPostconfTests
{
    private static readonly byte[] s_bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The shapes: what follows the BOM.</summary>
    public static IEnumerable<TestCaseData> Shapes()
    {
        yield return Shape("comment-first", "# main.cf\nmyhostname = mail.example.org\n");
        yield return Shape("blank-first", "\nmyhostname = mail.example.org\n");
        yield return Shape("name-first", "myhostname = mail.example.org\nmydomain = example.org\n");
        yield return Shape("name-first-set-again", "myhostname = first.example.org\nmyhostname = second.example.org\n");
        yield return Shape("referenced-name", "mydomain = example.org\nmyhostname = mail.$mydomain\nmyorigin = ${mydomain}\n");
        yield return Shape("user-name-referenced", "my_list = 192.0.2.0/24\nmynetworks = $my_list\n");
        yield return Shape("continued-first-line", "mynetworks = 127.0.0.0/8\n  192.0.2.0/24\nmydomain = example.org\n");
        yield return Shape("crlf", "myhostname = mail.example.org\r\nmydomain = example.org\r\n");
        yield return Shape("crlf-comment-first", "# main.cf\r\nmyhostname = mail.example.org\r\n");
        yield return Shape("space-before-name", " myhostname = mail.example.org\nmydomain = example.org\n");
    }

    [TestCaseSource(nameof(Shapes))]
    public async Task Show_n_prints_what_postconf_n_prints_after_a_bom(string text)
    {
        await CompareAsync(text, ["-n"]);
    }

    [TestCaseSource(nameof(Shapes))]
    public async Task Show_nx_prints_what_postconf_nx_prints_after_a_bom(string text)
    {
        await CompareAsync(text, ["-n", "-x"]);
    }

    private static TestCaseData Shape(string name, string text) => new TestCaseData(text).SetArgDisplayNames(name);

    private static async Task CompareAsync(string text, string[] flags)
    {
        var directory = Directory.CreateTempSubdirectory("postfix-lint-bom-").FullName;
        try
        {
            ConfigFiles.Write(Path.Combine(directory, "main.cf"), [.. s_bom, .. Encoding.UTF8.GetBytes(text)]);
            string[] arguments = ["show", "-c", directory, .. flags];

            var postconf = await ProcessRun.OfAsync(ProcessRun.PostconfPath, arguments[1..]);
            var run = await ProcessRun.OfAsync(ProcessRun.PostfixLintPath, arguments);

            var expectedError = Encoding.Latin1.GetString(postconf.Error).Replace("/usr/sbin/postconf: ", "postconf: ", StringComparison.Ordinal);
            var actualError = Encoding.Latin1.GetString(run.Error).Replace("postfix-lint: ", "postconf: ", StringComparison.Ordinal);
            TestContext.Out.WriteLine($"postconf (exit {postconf.ExitCode}):\n{Encoding.Latin1.GetString(postconf.Out)}{expectedError}\nshow (exit {run.ExitCode}):\n{Encoding.Latin1.GetString(run.Out)}{actualError}");
            Encoding.Latin1.GetString(run.Out).Should().Be(Encoding.Latin1.GetString(postconf.Out));
            actualError.Should().Be(expectedError);
            (run.ExitCode == 0).Should().Be(postconf.ExitCode == 0);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
