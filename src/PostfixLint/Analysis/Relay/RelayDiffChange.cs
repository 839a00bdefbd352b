using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Relay;

/// <summary>One relay-matrix class whose answer differs between the old and the new configuration.</summary>
/// <param name="Service">The listener (master.cf service name, e.g. <c>smtp</c>, <c>submission</c>).</param>
/// <param name="Client">The client address class.</param>
/// <param name="SaslLogin">The SASL login, or null for an unauthenticated client.</param>
/// <param name="Recipient">The RCPT TO address probed for the recipient class.</param>
/// <param name="RecipientClass">The recipient's address class on the new side (<see cref="AddressClass.Default"/>: a remote domain); null when it cannot be known.</param>
/// <param name="Old">What the class gets with the old configuration: decision, reply, deciding restriction with <c>file:line</c>.</param>
/// <param name="New">What the class gets with the new configuration.</param>
/// <param name="Probe">The probe that stands for the class (its client is the class's representative), to reproduce the change.</param>
public sealed record RelayDiffChange(
    string Service,
    ClientClass Client,
    string? SaslLogin,
    string Recipient,
    AddressClass? RecipientClass,
    RelayMatrixCell Old,
    RelayMatrixCell New,
    Probe Probe)
{
    /// <summary>True when the class was refused (or could not relay) before and relays to a remote recipient now.</summary>
    public bool OpensRelay => RecipientClass == AddressClass.Default && Old.Decision != Decision.Accept && New.Decision == Decision.Accept;

    /// <summary>True when the class relayed to a remote recipient before and does not now.</summary>
    public bool ClosesRelay => RecipientClass == AddressClass.Default && Old.Decision == Decision.Accept && New.Decision != Decision.Accept;
}
