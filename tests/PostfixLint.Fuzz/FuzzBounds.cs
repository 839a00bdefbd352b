namespace PostfixLint.Fuzz;

/// <summary>What one input may cost before it counts as a failure (issue 10: no input over 1 s or 256 MB).</summary>
/// <param name="MaxTime">The longest one input may run (the best of three tries when the first is over, so a GC pause or a
/// busy machine does not fail the run).</param>
/// <param name="MaxAllocatedBytes">The most one input may allocate: everything it allocates, on the thread that runs it. The
/// total bounds the peak too: an input cannot hold more than it allocated.</param>
internal sealed record FuzzBounds(TimeSpan MaxTime, long MaxAllocatedBytes)
{
    /// <summary>The campaign's bounds: 1 s and 256 MiB per input.</summary>
    public static FuzzBounds Campaign { get; } = new(TimeSpan.FromSeconds(1), 256L << 20);

    /// <inheritdoc />
    public override string ToString() => $"{MaxTime.TotalMilliseconds:F0} ms and {MaxAllocatedBytes >> 20} MiB allocated per input";
}
