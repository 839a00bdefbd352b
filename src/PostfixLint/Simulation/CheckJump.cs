namespace PostfixLint.Simulation;

/// <summary>smtpd's <c>longjmp(smtpd_check_buf, status)</c>: a configuration or lookup error ends the current stage.</summary>
internal sealed class CheckJump : Exception
{
    public CheckJump(int status)
        : base("smtpd_check longjmp")
    {
        Status = status;
    }

    public int Status { get; }
}
