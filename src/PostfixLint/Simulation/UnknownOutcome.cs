namespace PostfixLint.Simulation;

/// <summary>Raised when the answer depends on something outside the configuration (DNS, a policy server, unknown table contents).</summary>
internal sealed class UnknownOutcome : Exception
{
    public UnknownOutcome(string reason)
        : base(reason)
    {
    }
}
