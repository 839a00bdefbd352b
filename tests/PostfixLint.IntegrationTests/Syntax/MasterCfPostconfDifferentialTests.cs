using PostfixLint.Model;
using PostfixLint.Syntax;
using PostfixLint.Testing;
using PostfixLint.Diagnostics;

namespace PostfixLint.IntegrationTests.Syntax;

/// <summary>The library's <c>-M</c> and <c>-P</c> printing (master.cf fields and <c>-o</c> overrides) must equal <c>postconf -M</c> and <c>postconf -P</c>.</summary>
public sealed class MasterCfPostconfDifferentialTests
{
    [Test]
    public async Task Every_corpus_master_cf_agrees_with_postconf_M_and_P()
    {
        Postconf.Require();
        var files = TestCorpus.MasterCfFiles();
        files.Should().NotBeEmpty();
        var failures = new List<string>();
        foreach (var file in files)
        {
            var text = SourceFile.Read(file);
            var problem = await CompareAsync(text);
            if (problem is not null)
            {
                failures.Add($"{file}:\n{problem}");
            }
        }

        failures.Should().BeEmpty();
    }

    [TestCase("smtp inet n - n - - smtpd -osyslog_name=foo -o { a = b c } -o{x=y}z\n")]
    [TestCase("a pass n - n - - smtpd -v -o a=b -- x\nb fifo n - n -? 1 smtpd -vo x=y - q {r s}\n")]
    [TestCase("a inet n - n - - smtpd -o {a b} -o {x = y\n")]
    [TestCase("a unix-dgram n - n - - smtpd -o\n")]
    [TestCase("a inet n - n - - smtpd -o {\n  x = y\n# comment\n  z } -o q= {}\r\n")]
    [TestCase("a inet n - n - - smtpd -o x=1 -o x=2 -o y = 3\n")]
    [TestCase("a inet x - n - - smtpd\n")]
    [TestCase("a inet n - n 1x - smtpd\n")]
    [TestCase("a inet n - n - 1x smtpd\n")]
    [TestCase("a bogus n - n - - smtpd\n")]
    [TestCase("a inet n - n - -\n")]
    [TestCase("  orphan\n  continued\na inet n - n - - smtpd\n")]
    public async Task Tricky_master_cf_agrees_with_postconf(string text)
    {
        var problem = await CompareAsync(text);
        problem.Should().BeNull();
    }

    private static async Task<string?> CompareAsync(string text)
    {
        var dir = Postconf.CreateConfigDirectory(string.Empty, text);
        try
        {
            var config = PostfixConfig.Load(dir);
            foreach (var (flag, parameters) in new[] { ("-M", false), ("-P", true) })
            {
                var real = await Postconf.RunAsync("-c", dir, flag);
                var ours = PostconfPrinter.PrintServices(config, parameters);
                var realFatal = real.StandardError.Split('\n').Select(l => AfterTag(l, ": fatal: ")).FirstOrDefault(l => l is not null);
                var ourFatal = ours.Messages.FirstOrDefault(m => m.Severity == DiagnosticSeverity.Fatal)?.Message;
                if ((real.ExitCode != 0) != ours.Failed || realFatal != ourFatal)
                {
                    return $"postconf {flag}: exit {real.ExitCode}, fatal '{realFatal}'\nours: failed={ours.Failed}, fatal '{ourFatal}'";
                }

                var expected = real.StandardOutput;
                var actual = string.Concat(ours.Lines.Select(l => l + "\n"));
                if (expected != actual)
                {
                    return $"postconf {flag}:\n{expected}\nours:\n{actual}";
                }

                var realWarnings = WarningMessages(real.StandardError);
                var ourWarnings = ours.Messages.Where(m => m.Severity == DiagnosticSeverity.Warning).Select(m => m.Message).ToHashSet();
                if (!realWarnings.SetEquals(ourWarnings))
                {
                    return $"postconf {flag} warnings: {string.Join(" | ", realWarnings)}\nours: {string.Join(" | ", ourWarnings)}";
                }
            }

            return null;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static HashSet<string> WarningMessages(string stderr) =>
        stderr.Split('\n')
            .Select(l => AfterTag(l, ": warning: "))
            .OfType<string>()
            .ToHashSet();

    // postconf names itself by argv[0] ("/usr/sbin/postconf: fatal: ..."), so find the tag, not the prefix.
    private static string? AfterTag(string line, string tag)
    {
        var at = line.IndexOf(tag, StringComparison.Ordinal);
        return at < 0 ? null : line[(at + tag.Length)..];
    }
}
