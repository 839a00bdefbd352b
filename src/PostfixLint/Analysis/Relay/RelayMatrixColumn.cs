using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Relay;

/// <summary>A recipient class of the relay matrix, with the address that stands for it.</summary>
/// <param name="Recipient">The RCPT TO address probed.</param>
/// <param name="Class">Its address class: <see cref="AddressClass.Default"/> is a remote domain (relaying).</param>
public sealed record RelayMatrixColumn(string Recipient, AddressClass Class);
