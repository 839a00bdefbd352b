namespace PostfixLint.Analysis.Explain;

/// <summary>Rejects of one client with one cause, as <see cref="LogSummary"/> counts them.</summary>
/// <param name="Client">The client address.</param>
/// <param name="Cause">The cause in plain words.</param>
/// <param name="Location">The file:line to change, when known.</param>
/// <param name="Example">The first reject of the group, explained.</param>
internal sealed record RejectGroup(string Client, string Cause, string? Location, LogExplanation Example)
{
    /// <summary>How many rejects the group holds.</summary>
    public long Count { get; set; }

    /// <summary>How many of them the simulator reproduced exactly.</summary>
    public long Reproduced { get; set; }
}
