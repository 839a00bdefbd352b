using System.Text;
using PostfixLint.IntegrationTests.Support;
using PostfixLint.Model;

namespace PostfixLint.IntegrationTests;

/// <summary>
/// Saved <c>postconf</c> output (how a fleet collects configuration) read back by the library: printing it again
/// must give the same listing and the same expanded values.
/// </summary>
public sealed class PostconfDumpTests
{
    public static IEnumerable<TestCaseData> RealMainCfFiles() => CorpusDifferentialTests.RealMainCfFiles();

    [TestCaseSource(nameof(RealMainCfFiles))]
    public async Task A_postconf_n_dump_reads_back_to_the_same_listing(string relativePath)
    {
        var root = Corpus.RequireRoot();
        var file = Corpus.MainCfFiles(root).Single(f => f.RelativePath == relativePath);
        using var directory = TempConfigDirectory.Create(await File.ReadAllBytesAsync(file.FullPath), []);
        var dump = await Postconf.RunAsync(directory.Path, "-n");
        if (dump.ExitCode != 0)
        {
            Assert.Inconclusive($"postconf -n fails on {relativePath} ({string.Join("; ", dump.Fatals)}): there is no dump to read back");
        }

        var expanded = await Postconf.RunAsync(directory.Path, "-n", "-x");
        var text = string.Concat(dump.Lines.Select(line => line + "\n"));

        var config = PostfixConfig.FromPostconfOutput(text, "postconf-n.txt");
        var reprinted = PostconfPrinter.Print(config, new PostconfQuery { NonDefaultOnly = true });
        var reexpanded = PostconfPrinter.Print(config, new PostconfQuery { NonDefaultOnly = true, Expand = true });

        config.SourceKind.Should().Be(ConfigSourceKind.PostconfOutput);
        config.ConfigDirectory.Should().Be(directory.Path, "the dump names the directory it came from");
        reprinted.Lines.Should().Equal(dump.Lines);
        reprinted.Messages.Select(m => m.Message).Should().NotContain(
            t => t.Contains("unused parameter", StringComparison.Ordinal),
            "postconf -n prints only parameters it knows, so nothing in the dump is unused");
        reexpanded.Lines.Should().Equal(expanded.Lines.Where(l => !l.StartsWith("debugger_command = ", StringComparison.Ordinal)).Concat(
            reexpanded.Lines.Where(l => l.StartsWith("debugger_command = ", StringComparison.Ordinal))).OrderBy(l => l, StringComparer.Ordinal));
    }

    [Test]
    public async Task A_postconf_d_dump_holds_every_default_as_an_explicit_value()
    {
        using var directory = TempConfigDirectory.Create(Encoding.Latin1.GetBytes(""), []);
        var dump = await Postconf.RunAsync(directory.Path, "-d");
        var text = string.Concat(dump.Lines.Select(line => line + "\n"));

        var config = PostfixConfig.FromPostconfOutput(text, "postconf-d.txt");
        var reprinted = PostconfPrinter.Print(config, new PostconfQuery { NonDefaultOnly = true });

        // Read-only parameters are printed by -d but dropped, with a warning, when assigned (postconf_user.c).
        string[] readOnly = ["process_id", "process_name", "service_name"];
        config.Definitions.Should().HaveCount(dump.Lines.Length);
        var expected = dump.Lines.Where(l => !readOnly.Any(r => (l + " ").StartsWith(r + " = ", StringComparison.Ordinal))).ToList();
        reprinted.Lines.Except(expected).Concat(expected.Except(reprinted.Lines)).Should().BeEmpty();
        reprinted.Lines.Should().Equal(expected);
        reprinted.Messages.Select(m => m.Message).Should().Contain(t => t.Contains("read-only parameter assignment: process_name=postconf", StringComparison.Ordinal));
        config.GetParameter("smtpd_relay_restrictions")!.Provenance.Kind.Should().Be(ProvenanceKind.PostconfOutput);
    }
}
