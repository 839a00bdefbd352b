namespace PostfixLint.Fuzz;

/// <summary>What one input may cost before it counts as a failure (issue 10: no input over 1 s or 256 MB).</summary>
/// <param name="MaxTime">The most CPU time one input may use on the thread that runs it (the best of three tries when the
/// first is over, so a GC pause does not fail the run; CPU time, so a machine busy with other work does not either).</param>
/// <param name="MaxAllocatedBytes">The most one input may allocate: everything it allocates, on the thread that runs it. The
/// total bounds the peak too: an input cannot hold more than it allocated.</param>
internal sealed record FuzzBounds(TimeSpan MaxTime, long MaxAllocatedBytes)
{
    /// <summary>The campaign's bounds: 1 s and 256 MiB per input.</summary>
    public static FuzzBounds Campaign { get; } = new(TimeSpan.FromSeconds(1), 256L << 20);

    /// <inheritdoc />
    public override string ToString() => $"{MaxTime.TotalMilliseconds:F0} ms CPU and {MaxAllocatedBytes >> 20} MiB allocated per input";
}
