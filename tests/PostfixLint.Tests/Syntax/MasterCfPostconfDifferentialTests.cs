using System.Text;
using PostfixLint.Syntax;
using PostfixLint.Tests.Support;

namespace PostfixLint.Tests.Syntax;

/// <summary>Our master.cf fields and <c>-o</c> overrides must agree with <c>postconf -M</c> and <c>postconf -P</c>.</summary>
public sealed class MasterCfPostconfDifferentialTests
{
    // pcf_print_master_entry() column goals (src/postconf/postconf_master.c).
    private static readonly int[] ColumnGoal = [0, 11, 17, 25, 33, 41, 49, 57];

    [Test]
    public async Task Every_corpus_master_cf_agrees_with_postconf_M_and_P()
    {
        Postconf.Require();
        var files = Corpus.MasterCfFiles();
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
        var syntax = MasterCfSyntax.Parse(text);
        var dir = Postconf.CreateConfigDirectory(string.Empty, text);
        try
        {
            var entries = await Postconf.RunAsync("-c", dir, "-M");
            var fatal = syntax.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Fatal);
            if (entries.ExitCode != 0)
            {
                return CompareFatal(syntax, fatal, entries.StandardError, dir);
            }

            if (fatal is not null)
            {
                return $"we report fatal '{fatal.Message}', postconf succeeded";
            }

            var expectedM = string.Concat(syntax.Services.Select(s => FormatEntry(s) + "\n"));
            if (entries.StandardOutput != expectedM)
            {
                return $"postconf -M:\n{entries.StandardOutput}\nours:\n{expectedM}";
            }

            var parameters = await Postconf.RunAsync("-c", dir, "-P");
            var expectedP = string.Concat(syntax.Services.SelectMany(FormatParameters));
            if (parameters.StandardOutput != expectedP)
            {
                return $"postconf -P:\n{parameters.StandardOutput}\nours:\n{expectedP}";
            }

            var warnings = WarningMessages(entries.StandardError, "master.cf: ");
            var ours = syntax.Diagnostics.Where(d => d.Code is SyntaxDiagnosticCodes.MasterBadBraces or SyntaxDiagnosticCodes.MasterBadOverride)
                .Select(d => d.Message).ToHashSet();
            return warnings.SetEquals(ours) ? null : $"postconf warnings: {string.Join(" | ", warnings)}\nours: {string.Join(" | ", ours)}";
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string? CompareFatal(MasterCfSyntax syntax, SyntaxDiagnostic? fatal, string stderr, string dir)
    {
        var line = stderr.Split('\n').Select(l => AfterTag(l, ": fatal: ")).FirstOrDefault(l => l is not null);
        if (line is null || fatal is null)
        {
            return $"postconf: {stderr}\nours: {fatal?.Message ?? "no fatal diagnostic"}";
        }

        var message = line;
        var position = syntax.Lines.GetPosition(fatal.Span.Start);
        var prefix = $"file {dir}/master.cf: line {position.Line}: ";
        var expected = fatal.Code == SyntaxDiagnosticCodes.MasterBadFieldCount ? prefix + fatal.Message : fatal.Message;
        return message == expected ? null : $"postconf: {message}\nours: {expected}";
    }

    private static HashSet<string> WarningMessages(string stderr, string prefix) =>
        stderr.Split('\n')
            .Select(l => AfterTag(l, ": warning: "))
            .Where(l => l is not null && l.StartsWith(prefix, StringComparison.Ordinal))
            .Select(l => l![prefix.Length..])
            .ToHashSet();

    // postconf names itself by argv[0] ("/usr/sbin/postconf: fatal: ..."), so find the tag, not the prefix.
    private static string? AfterTag(string line, string tag)
    {
        var at = line.IndexOf(tag, StringComparison.Ordinal);
        return at < 0 ? null : line[(at + tag.Length)..];
    }

    private static string FormatEntry(ServiceEntrySyntax entry)
    {
        ServiceFieldSyntax[] fields =
            [entry.Service, entry.Type, entry.Private, entry.Unprivileged, entry.Chroot, entry.Wakeup, entry.MaxProcesses, entry.Command];
        var line = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (line.Length > 0)
            {
                do
                {
                    line.Append(' ');
                }
                while (line.Length < ColumnGoal[i]);
            }

            line.Append(fields[i].Text);
        }

        var args = entry.NormalizedArguments;
        var inOptions = true;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? value = null;
            var parens = false;
            if (inOptions)
            {
                if (arg.Length == 0 || arg[0] != '-' || arg == "--")
                {
                    // postconf never braces the first non-option argument (need_parens stays 0 here).
                    inOptions = false;
                }
                else if ((arg.Length == 1 || arg[1] == 'o') && i + 1 < args.Length)
                {
                    value = args[i + 1];
                    parens = HasBlank(value);
                }
            }
            else
            {
                parens = HasBlank(arg);
            }

            line.Append(' ');
            line.Append(!inOptions && parens ? "{" + arg + "}" : arg);
            if (value is not null)
            {
                line.Append(' ').Append(parens ? "{" + value + "}" : value);
                i++;
            }
        }

        return line.ToString();
    }

    private static IEnumerable<string> FormatParameters(ServiceEntrySyntax entry)
    {
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in entry.Overrides)
        {
            last[o.Name] = o.Value;
        }

        return last.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => CollapseBlanks($"{entry.Service.Text}/{entry.Type.Text}/{p.Key} = {p.Value}") + "\n");
    }

    // pcf_print_line() re-joins the words of a line with single spaces.
    private static string CollapseBlanks(string s) =>
        string.Join(' ', s.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static bool HasBlank(string s) => s.AsSpan().IndexOfAny(" \t\r\n") >= 0;
}
