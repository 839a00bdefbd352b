using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CliWrap;
using PostfixLint.Model.Tables;
using PostfixLint.Syntax;
using PostfixLint.Testing;

namespace PostfixLint.Benchmarks;

/// <summary>Load + index of a 10^6-line smtpd_sender_login_maps source vs <c>postmap lmdb:</c> building it, same run.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class TableBenchmarks
{
    /// <summary>Lines in the generated table.</summary>
    public const int LineCount = 1_000_000;

    private string _directory = "";
    private string _file = "";

    /// <summary>Writes the table source and a minimal main.cf.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "pfl-bench-tables-" + Environment.ProcessId);
        Directory.CreateDirectory(_directory);
        var mainCf = Path.Combine(_directory, "main.cf");
        SourceFile.Write(mainCf, "compatibility_level = 3.6\n");
        ConfigFiles.BackDate(mainCf);
        _file = Path.Combine(_directory, "sender_login_maps");
        Generate(_file, LineCount);
    }

    /// <summary>Removes the temporary files.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>Reads the source and builds the in-memory index (what the simulator does).</summary>
    [Benchmark(Baseline = true)]
    public int LoadAndIndex() => IndexedTable.LoadFile("lmdb:" + _file, _file, _file).Count;

    /// <summary>The real <c>postmap lmdb:FILE</c> process building the database from the same source.</summary>
    [Benchmark]
    public async Task<int> PostmapLmdb()
    {
        var result = await CliWrap.Cli.Wrap("postmap")
            .WithArguments(a => a.Add("-c").Add(_directory).Add("lmdb:" + _file))
            .WithValidation(CommandResultValidation.ZeroExitCode)
            .ExecuteAsync();
        return result.ExitCode;
    }

    /// <summary>Writes a sender_login_maps source of <paramref name="lines"/> lines: address, whitespace, owners.</summary>
    public static void Generate(string path, int lines)
    {
        using var writer = new StreamWriter(path, append: false, System.Text.Encoding.Latin1, 1 << 20);
        for (var i = 0; i < lines; i++)
        {
            writer.Write("user");
            writer.Write(i);
            writer.Write("@Domain");
            writer.Write(i % 1000);
            writer.Write(".example.com\tuser");
            writer.Write(i);
            writer.Write(i % 7 == 0 ? ", admin\n" : "\n");
        }
    }

    /// <summary>Whole-process mode for scripts/bench-tables.sh: load the file, check one key, print the count and time.</summary>
    public static int RunProcess(string[] args)
    {
        if (args is ["gen-table", var target, var count])
        {
            Generate(target, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
            return 0;
        }

        var file = args[1];
        var stopwatch = Stopwatch.StartNew();
        var table = IndexedTable.LoadFile("lmdb:" + file, file, file);
        var loaded = stopwatch.Elapsed;
        var hit = table.Lookup("USER12345@domain345.example.com");
        stopwatch.Stop();
        Console.WriteLine($"{table.Count} keys, user12345 -> {hit.Value} (line {hit.Line}), load+index {loaded.TotalMilliseconds:F0} ms, "
            + $"+ first lookup {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        return hit.Status == TableLookupStatus.Found ? 0 : 1;
    }
}
