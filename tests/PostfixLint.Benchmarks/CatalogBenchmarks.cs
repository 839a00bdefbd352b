using BenchmarkDotNet.Attributes;
using PostfixLint.Model.Catalog;

namespace PostfixLint.Benchmarks;

/// <summary>Parsing the embedded parameter catalogue, which every CLI start does (budget: about 1 ms).</summary>
[MemoryDiagnoser]
public class CatalogBenchmarks
{
    /// <summary>One load of the embedded defaults and tables.</summary>
    [Benchmark]
    public int Load() => CatalogData.Load().Names.Count();
}
