using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using System.Text;

namespace PostfixLint.Benchmarks;

/// <summary>Parse and model of the largest main.cf and master.cf in the corpus: time, MB/s, allocations.</summary>
[MemoryDiagnoser]
[Config(typeof(ParseBenchmarksConfig))]
public class ParseBenchmarks
{
    private static readonly string s_mainCfPath = BenchmarkPaths.LargestCorpusFile("main.cf");
    private static readonly string s_masterCfPath = BenchmarkPaths.LargestCorpusFile("master.cf");

    private string _mainCfText = "";
    private string _masterCfText = "";
    private string _configDirectory = "";

    /// <summary>Reads the inputs once, as Latin-1 like the library does.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _mainCfText = File.ReadAllText(s_mainCfPath, Encoding.Latin1);
        _masterCfText = File.ReadAllText(s_masterCfPath, Encoding.Latin1);
        _configDirectory = BenchmarkPaths.ConfigDirectory(s_mainCfPath, s_masterCfPath);
    }

    /// <summary>Removes the temporary config directory.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_configDirectory, recursive: true);

    /// <summary>main.cf text to lossless syntax.</summary>
    [Benchmark]
    public object ParseMainCf() => LibraryCalls.ParseMainCf(_mainCfText, s_mainCfPath);

    /// <summary>master.cf text to lossless syntax.</summary>
    [Benchmark]
    public object ParseMasterCf() => LibraryCalls.ParseMasterCf(_masterCfText, s_masterCfPath);

    /// <summary>main.cf + master.cf files to the effective configuration (read, parse, model, postconf -n).</summary>
    [Benchmark]
    public object LoadConfig() => LibraryCalls.LoadAndModel(_configDirectory);

    /// <summary>The bytes each benchmark reads, for the MB/s column.</summary>
    internal static long InputBytes(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.WorkloadMethod.Name switch
        {
            nameof(ParseMainCf) => new FileInfo(s_mainCfPath).Length,
            nameof(ParseMasterCf) => new FileInfo(s_masterCfPath).Length,
            _ => new FileInfo(s_mainCfPath).Length + new FileInfo(s_masterCfPath).Length,
        };

    private sealed class ParseBenchmarksConfig : ManualConfig
    {
        public ParseBenchmarksConfig() => AddColumn(new ThroughputColumn(InputBytes));
    }
}
