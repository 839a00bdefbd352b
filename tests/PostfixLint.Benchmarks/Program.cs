using BenchmarkDotNet.Running;
using PostfixLint.Benchmarks;

if (args is ["load-table", _] or ["gen-table", _, _])
{
    return TableBenchmarks.RunProcess(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
