namespace PostfixLint.Analysis.Relay;

/// <summary>A problem in a policy file, at the position it was found.</summary>
/// <param name="Position">Where the problem is.</param>
/// <param name="Message">What is wrong, e.g. <c>"client": "10.0.0.0/33" is not an IP address or CIDR block</c>.</param>
public sealed record PolicyError(PolicyPosition Position, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Position}: {Message}";
}
