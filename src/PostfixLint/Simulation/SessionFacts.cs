using System.Net;

namespace PostfixLint.Simulation;

/// <summary>What smtpd knows about the client for the whole session.</summary>
/// <param name="Name">The verified client hostname, or <c>unknown</c>.</param>
/// <param name="Address">The client address as smtpd prints it (IPv4-mapped IPv6 converted to IPv4).</param>
/// <param name="IpAddress">The parsed client address.</param>
/// <param name="SaslUsername">The SASL login name, when the client authenticated.</param>
/// <param name="SaslActive">True when SASL is active in the session (<c>smtpd_sasl_is_active()</c>).</param>
/// <param name="SaslEnabled">The listener's <c>smtpd_sasl_auth_enable</c>.</param>
/// <param name="Tls">True when the session uses TLS.</param>
internal sealed record SessionFacts(string Name, string Address, IPAddress IpAddress, string? SaslUsername, bool SaslActive, bool SaslEnabled, bool Tls)
{
    /// <summary>The certificate the client presented in the TLS handshake (<c>TLS_CERT_IS_PRESENT()</c>); null when none.</summary>
    public ClientCertificate? ClientCert { get; init; }

    /// <summary>
    /// True when a restriction that needs DNS or a policy service is taken not to decide (DUNNO, with a note) instead of
    /// stopping the simulation: for <c>explain</c>, whose logged reject shows how far the real session got.
    /// </summary>
    public bool AssumeExternalDunno { get; init; }

    /// <summary><c>name[addr]</c>, smtpd's <c>state-&gt;namaddr</c>.</summary>
    public string NamAddr => $"{Name}[{Address}]";
}
