using System.Text;

namespace PostfixLint.Fuzz;

/// <summary>What a fuzz run saw: inputs per target, the slowest and the most allocating inputs, and the failures.</summary>
internal sealed class FuzzReport(FuzzBounds bounds)
{
    private const int Worst = 10;

    private readonly Dictionary<string, long> _inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (TimeSpan Time, long Allocated)> _worstPerTarget = new(StringComparer.Ordinal);
    private readonly List<Measured> _slowest = [];
    private readonly List<Measured> _hungriest = [];

    /// <summary>One input's cost: its name (target and hash, the file name it is saved under), time, allocation, size.</summary>
    public sealed record Measured(string Name, TimeSpan Time, long Allocated, int Bytes);

    /// <summary>The bounds each input is held to.</summary>
    public FuzzBounds Bounds { get; } = bounds;

    /// <summary>Failures ("target-hash: what happened"), the input saved under the same name.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>The total number of inputs run.</summary>
    public long Inputs => _inputs.Values.Sum();

    /// <summary>The slowest inputs, slowest first.</summary>
    public IReadOnlyList<Measured> Slowest => _slowest;

    /// <summary>The inputs that allocated most, most first.</summary>
    public IReadOnlyList<Measured> Hungriest => _hungriest;

    /// <summary>Whether the run passed: no failure (crash, hang, broken property or an input over the bounds).</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>Counts one input; true when it is among the worst so far (worth saving).</summary>
    public bool Count(string target, Measured measured)
    {
        _inputs[target] = _inputs.GetValueOrDefault(target) + 1;
        var worst = _worstPerTarget.GetValueOrDefault(target);
        _worstPerTarget[target] = (measured.Time > worst.Time ? measured.Time : worst.Time, Math.Max(measured.Allocated, worst.Allocated));
        var slow = Keep(_slowest, measured, m => m.Time.Ticks);
        var hungry = Keep(_hungriest, measured, m => m.Allocated);
        return slow || hungry;
    }

    private static bool Keep(List<Measured> worst, Measured measured, Func<Measured, long> cost)
    {
        if (worst.Count == Worst && cost(measured) <= cost(worst[^1]))
        {
            return false;
        }

        if (worst.Any(m => m.Name == measured.Name))
        {
            return false;
        }

        worst.Add(measured);
        worst.Sort((a, b) => cost(b).CompareTo(cost(a)));
        if (worst.Count > Worst)
        {
            worst.RemoveAt(Worst);
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"result: {(Passed ? "PASS" : "FAIL")} ({Failures.Count} failures; bounds: {Bounds})\n");
        text.Append($"inputs: {Inputs}\n");
        foreach (var (target, count) in _inputs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var (time, allocated) = _worstPerTarget[target];
            text.Append($"  {target}: {count} (worst {time.TotalMilliseconds:F0} ms, {allocated >> 20} MiB)\n");
        }

        text.Append("slowest:\n");
        foreach (var m in _slowest)
        {
            text.Append($"  {m.Time.TotalMilliseconds,7:F0} ms {m.Allocated >> 20,6} MiB {m.Bytes,8} bytes  {m.Name}\n");
        }

        text.Append("most allocated:\n");
        foreach (var m in _hungriest)
        {
            text.Append($"  {m.Allocated >> 20,6} MiB {m.Time.TotalMilliseconds,7:F0} ms {m.Bytes,8} bytes  {m.Name}\n");
        }

        text.Append($"failures: {Failures.Count}\n");
        foreach (var failure in Failures)
        {
            text.Append($"  {failure}\n");
        }

        return text.ToString();
    }
}
