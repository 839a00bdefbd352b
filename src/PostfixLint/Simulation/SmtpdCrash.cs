namespace PostfixLint.Simulation;

/// <summary>Raised where real smtpd would die in the middle of a session (a restriction class that invokes itself).</summary>
internal sealed class SmtpdCrash : Exception
{
    public SmtpdCrash(string reason)
        : base(reason)
    {
    }
}
