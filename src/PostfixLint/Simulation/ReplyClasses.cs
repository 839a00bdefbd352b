namespace PostfixLint.Simulation;

/// <summary>The reply classes smtpd names in its rejections (<c>SMTPD_NAME_*</c> in <c>src/smtpd/smtpd_check.c</c>).</summary>
internal static class ReplyClasses
{
    public const string Client = "Client host";
    public const string Helo = "Helo command";
    public const string Sender = "Sender address";
    public const string Recipient = "Recipient address";
    public const string Sasl = "SASL login name";
    public const string Ccert = "Client certificate";
}
