namespace PostfixLint.Simulation;

/// <summary>A pending <c>defer_if_permit</c> or <c>defer_if_reject</c> (smtpd's SMTPD_DEFER): the first reason is kept.</summary>
internal sealed class DeferState
{
    public bool Active { get; set; }

    public int Code { get; set; }

    public string Dsn { get; set; } = "";

    public string Reason { get; set; } = "";
}
