using System.Collections.Immutable;
using System.Text;
using PostfixLint.Model;
using PostfixLint.Model.Catalog;
using PostfixLint.Syntax;
using PostfixLint.Diagnostics;

namespace PostfixLint.IntegrationTests.Support;

/// <summary>Runs the real <c>postconf</c> and the library on the same directory and query, and compares what they print.</summary>
internal static class Differential
{
    /// <summary><c>postconf -n</c>.</summary>
    public static readonly PostconfQuery NonDefault = new() { NonDefaultOnly = true };

    /// <summary><c>postconf -n -x</c>.</summary>
    public static readonly PostconfQuery NonDefaultExpanded = new() { NonDefaultOnly = true, Expand = true };

    /// <summary><c>postconf</c> with no flags: every parameter.</summary>
    public static readonly PostconfQuery Full = new();

    /// <summary><c>postconf -d</c>.</summary>
    public static readonly PostconfQuery Defaults = new() { DefaultsOnly = true };

    /// <summary>The three queries every main.cf is checked with.</summary>
    public static readonly ImmutableArray<PostconfQuery> Standard = [NonDefault, NonDefaultExpanded, Full];

    /// <summary>The postconf flags equivalent to <paramref name="query"/>.</summary>
    public static string[] Flags(PostconfQuery query)
    {
        var flags = new List<string>();
        if (query.DefaultsOnly)
        {
            flags.Add("-d");
        }

        if (query.NonDefaultOnly)
        {
            flags.Add("-n");
        }

        if (query.Expand)
        {
            flags.Add("-x");
        }

        flags.AddRange(query.Names);
        return [.. flags];
    }

    /// <summary>Compares postconf and the library for each query and fails the test with one readable report listing every mismatch.</summary>
    public static Task AssertSameAsync(TempConfigDirectory directory, string description, params PostconfQuery[] queries) =>
        AssertSameAsync(directory, description, expectPostconfFailure: null, queries);

    /// <summary>
    /// Like <see cref="AssertSameAsync(TempConfigDirectory, string, PostconfQuery[])"/>, and first checks that real postconf
    /// stops on at least one query exactly when <paramref name="expectPostconfFailure"/> says so (guards generated inputs).
    /// </summary>
    public static async Task AssertSameAsync(TempConfigDirectory directory, string description, bool? expectPostconfFailure, params PostconfQuery[] queries)
    {
        var comparisons = new List<Comparison>();
        foreach (var query in queries)
        {
            comparisons.Add(await CompareAsync(directory, query));
        }

        AssertSame(directory, description, expectPostconfFailure, comparisons);
    }

    /// <summary>Fails the test with one readable report when any of <paramref name="comparisons"/> differs (see <see cref="AssertSameAsync(TempConfigDirectory, string, bool?, PostconfQuery[])"/>).</summary>
    public static void AssertSame(TempConfigDirectory directory, string description, bool? expectPostconfFailure, IReadOnlyList<Comparison> comparisons)
    {
        var failedRuns = comparisons.Where(c => c.Real.ExitCode != 0).Select(c => c.Real).ToList();
        if (expectPostconfFailure is { } expected && expected != failedRuns.Count > 0)
        {
            Assert.Fail(
                $"Test input problem, not a library bug: real postconf was expected to {(expected ? "stop with a fatal error" : "succeed")} for {description}, "
                + $"but {(failedRuns.Count > 0 ? string.Join("; ", failedRuns.Select(r => $"{r.CommandLine} failed: {string.Join(" / ", r.Fatals)}")) : "every run succeeded")}.\n"
                + DescribeInput(directory));
        }

        var reports = comparisons.Where(c => !c.Matches).Select(c => c.Report).ToList();
        if (reports.Count > 0)
        {
            Assert.Fail(
                $"The library differs from real postconf for {description}:\n\n"
                + string.Join("\n", reports)
                + "\n" + DescribeInput(directory));
        }
    }

    /// <summary>Runs postconf and the library once for <paramref name="query"/> and describes any difference.</summary>
    public static async Task<Comparison> CompareAsync(TempConfigDirectory directory, PostconfQuery query)
    {
        var real = await Postconf.RunAsync(directory.Path, Flags(query));
        if (real.OtherStderr.Length > 0)
        {
            Assert.Fail($"{real.CommandLine} printed unexpected stderr lines (neither warning nor fatal):\n  {string.Join("\n  ", real.OtherStderr)}");
        }

        PostconfOutput library;
        try
        {
            // The library computes process_id like any default; give it postconf's, so values that expand
            // $process_id (debugger_command) compare equal.
            var host = HostFacts.Current() with { ProcessId = real.ProcessId };
            // As `show -c DIR` loads it: postconf prints config_directory = DIR (normalized away below), and its length
            // counts where a fatal error cuts standard output (see PostconfOutput.LastLineUnterminated).
            var config = PostfixConfig.Load(directory.Path, new ConfigLoadOptions { Host = host, ConfigDirectoryFromCommandLine = true });
            library = PostconfPrinter.Print(config, query);
        }
        catch (Exception exception)
        {
            return new Comparison(real, false, $"== {real.CommandLine}\n   the library threw {exception.GetType().Name}: {exception.Message}\n"
                + $"   (postconf: exit {real.ExitCode}, {real.Lines.Length} lines, {real.Warnings.Distinct().Count()} distinct warnings, {real.Fatals.Length} fatal)\n");
        }

        return Compare(real, library, directory.Path);
    }

    /// <summary>Runs <c>postconf -M</c> (or <c>-P</c> when <paramref name="parameters"/>) and the library's equivalent, and describes any difference.</summary>
    public static async Task<Comparison> CompareServicesAsync(TempConfigDirectory directory, bool parameters)
    {
        var real = await Postconf.RunAsync(directory.Path, parameters ? "-P" : "-M");
        PostconfOutput library;
        try
        {
            var host = HostFacts.Current() with { ProcessId = real.ProcessId };
            library = PostconfPrinter.PrintServices(PostfixConfig.Load(directory.Path, new ConfigLoadOptions { Host = host, ConfigDirectoryFromCommandLine = true }), parameters);
        }
        catch (Exception exception)
        {
            return new Comparison(real, false, $"== {real.CommandLine}\n   the library threw {exception.GetType().Name}: {exception.Message}\n");
        }

        return Compare(real, library, directory.Path);
    }

    /// <summary>Compares one postconf run with the library's output; public so the self-tests can exercise it without the library.</summary>
    public static Comparison Compare(PostconfRun real, PostconfOutput library, string configDirectory)
    {
        if (real.ExitCode > 128 && library.Failed)
        {
            // postconf died of a signal: a reference cycle through a relational operand (${{$a} == {b}?...}) recurses
            // without the nesting limit, since mac_exp_parse_relational() (src/util/mac_expand.c) expands each operand
            // with a fresh mac_expand() call whose level starts at 0, until the stack overflows. Its buffered output is
            // lost; the library stops with "unreasonable macro call nesting" instead, which is all it can do.
            return new Comparison(real, true, "");
        }

        var report = new StringBuilder();
        var expectedLines = Normalize(real.Lines, configDirectory);
        var actualLines = Normalize(library.Lines, configDirectory);
        DescribeLineDifferences(expectedLines, actualLines, report);

        // postconf reads main.cf several times and prints warnings in hash order, so only the set of texts is stable.
        var expectedWarnings = real.Warnings.ToHashSet(StringComparer.Ordinal);
        var actualWarnings = library.Messages.Where(m => m.Severity == DiagnosticSeverity.Warning).Select(m => m.Message).ToHashSet(StringComparer.Ordinal);
        if (real.ExitCode != 0)
        {
            // postconf warns about undefined names and opens database client files (mysql:/etc/x.cf) while it walks its
            // parameter table, whose hash order is randomized per run (src/util/hash_fnv.c seeds the hash); when a fatal
            // error stops the walk, which of those warnings came first differs from run to run, so they cannot be compared.
            expectedWarnings.RemoveWhere(IsTableWalkWarning);
            actualWarnings.RemoveWhere(IsTableWalkWarning);
        }

        DescribeSetDifference("warning", expectedWarnings, actualWarnings, report);

        var expectedFatals = real.Fatals.ToHashSet(StringComparer.Ordinal);
        var actualFatals = library.Messages.Where(m => m.Severity == DiagnosticSeverity.Fatal).Select(m => m.Message).ToHashSet(StringComparer.Ordinal);
        DescribeSetDifference("fatal", expectedFatals, actualFatals, report);

        var expectedFailed = real.ExitCode != 0;
        if (expectedFailed != library.Failed)
        {
            report.Append($"   failure: postconf exited {real.ExitCode}, the library says Failed={library.Failed}\n");
        }

        return report.Length == 0
            ? new Comparison(real, true, "")
            : new Comparison(real, false, $"== {real.CommandLine}\n{report}");
    }

    private static bool IsTableWalkWarning(string warning) =>
        (warning.StartsWith("open \"", StringComparison.Ordinal) && warning.Contains("\" configuration \"", StringComparison.Ordinal))
        || warning.Contains(": undefined parameter: ", StringComparison.Ordinal);

    /// <summary>Drops the one line that legitimately differs: <c>config_directory = DIR</c>, which postconf adds for <c>-c</c>.</summary>
    public static ImmutableArray<string> Normalize(ImmutableArray<string> lines, string configDirectory)
    {
        var configDirectoryLine = "config_directory = " + configDirectory;
        return [.. lines.Where(line => line != configDirectoryLine)];
    }

    /// <summary>main.cf and master.cf with line numbers, for failure messages.</summary>
    public static string DescribeInput(TempConfigDirectory directory)
    {
        var text = new StringBuilder();
        AppendFile(text, "main.cf", directory.MainCf);
        AppendFile(text, "master.cf", directory.MasterCf);
        return text.ToString();
    }

    private static void AppendFile(StringBuilder text, string name, byte[] content)
    {
        const int maxLines = 300;
        var lines = Postconf.SplitLines(Encoding.Latin1.GetString(content)).ToArray();
        var ending = content.Length > 0 && content[^1] != (byte)'\n' ? ", no final newline" : "";
        text.Append($"--- {name} ({content.Length} bytes, {lines.Length} lines{ending}; CR shown as \\r, tab as \\t)\n");
        foreach (var (line, index) in lines.Take(maxLines).Select((l, i) => (l, i)))
        {
            text.Append($"{index + 1,4}| {line.Replace("\r", "\\r").Replace("\t", "\\t")}\n");
        }

        if (lines.Length > maxLines)
        {
            text.Append($"    … {lines.Length - maxLines} more lines\n");
        }
    }

    private static void DescribeLineDifferences(ImmutableArray<string> expected, ImmutableArray<string> actual, StringBuilder report)
    {
        var first = 0;
        while (first < expected.Length && first < actual.Length && expected[first] == actual[first])
        {
            first++;
        }

        if (first == expected.Length && first == actual.Length)
        {
            return;
        }

        report.Append($"   stdout: {expected.Length} lines from postconf, {actual.Length} from the library; first difference at line {first + 1}:\n");
        for (var i = Math.Max(0, first - 2); i < Math.Min(Math.Max(expected.Length, actual.Length), first + 3); i++)
        {
            var e = i < expected.Length ? expected[i] : "<none>";
            var a = i < actual.Length ? actual[i] : "<none>";
            report.Append(e == a ? $"     {i + 1,4}    {e}\n" : $"     {i + 1,4} -  {e}\n     {i + 1,4} +  {a}\n");
        }

        var expectedSet = expected.ToHashSet(StringComparer.Ordinal);
        var actualSet = actual.ToHashSet(StringComparer.Ordinal);
        AppendList(report, "lines postconf printed but the library did not", expected.Where(l => !actualSet.Contains(l)));
        AppendList(report, "lines the library printed but postconf did not", actual.Where(l => !expectedSet.Contains(l)));
    }

    private static void DescribeSetDifference(string kind, HashSet<string> expected, HashSet<string> actual, StringBuilder report)
    {
        AppendList(report, $"{kind}s postconf printed but the library did not", expected.Where(t => !actual.Contains(t)).Order(StringComparer.Ordinal));
        AppendList(report, $"{kind}s the library printed but postconf did not", actual.Where(t => !expected.Contains(t)).Order(StringComparer.Ordinal));
    }

    private static void AppendList(StringBuilder report, string title, IEnumerable<string> items)
    {
        const int maxItems = 15;
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        report.Append($"   {title} ({list.Count}):\n");
        foreach (var item in list.Take(maxItems))
        {
            report.Append($"     {item}\n");
        }

        if (list.Count > maxItems)
        {
            report.Append($"     … {list.Count - maxItems} more\n");
        }
    }
}
