using System.Text;

namespace PostfixLint.Fuzz;

/// <summary>What a fuzz run saw: inputs per target, the slowest and the most allocating input, and the failures.</summary>
internal sealed class FuzzReport
{
    private readonly Dictionary<string, long> _inputs = new(StringComparer.Ordinal);

    /// <summary>Failures ("target-hash: what happened"), the input saved under the same name.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>The total number of inputs run.</summary>
    public long Inputs => _inputs.Values.Sum();

    /// <summary>The slowest input: its time, target and size.</summary>
    public (TimeSpan Time, string Target, int Bytes) Slowest { get; private set; }

    /// <summary>The input that allocated most: bytes, target and size.</summary>
    public (long Bytes, string Target, int Size) Hungriest { get; private set; }

    /// <summary>Counts one input.</summary>
    public void Count(string target, TimeSpan time, long allocated, int size)
    {
        _inputs[target] = _inputs.GetValueOrDefault(target) + 1;
        if (time > Slowest.Time)
        {
            Slowest = (time, target, size);
        }

        if (allocated > Hungriest.Bytes)
        {
            Hungriest = (allocated, target, size);
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"inputs: {Inputs}\n");
        foreach (var (target, count) in _inputs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append($"  {target}: {count}\n");
        }

        text.Append($"slowest: {Slowest.Time.TotalMilliseconds:F0} ms ({Slowest.Target}, {Slowest.Bytes} bytes)\n");
        text.Append($"most allocated: {Hungriest.Bytes >> 20} MiB ({Hungriest.Target}, {Hungriest.Size} bytes)\n");
        text.Append($"failures: {Failures.Count}\n");
        foreach (var failure in Failures)
        {
            text.Append($"  {failure}\n");
        }

        return text.ToString();
    }
}
