using System.Collections.Immutable;

namespace PostfixLint.Simulation;

/// <summary>One simulated SMTP client session: who connects, how it greets and logs in, and the envelope it sends.</summary>
/// <param name="Client">The client IP address (IPv4 or IPv6; an <c>IPv6:</c> prefix is accepted).</param>
/// <param name="Sender">The MAIL FROM address; the empty string is the null sender <c>&lt;&gt;</c>.</param>
/// <param name="Recipient">The RCPT TO address.</param>
public sealed record Probe(string Client, string Sender, string Recipient)
{
    /// <summary>The verified client hostname; null means <c>unknown</c> (no valid reverse DNS).</summary>
    public string? ClientName { get; init; }

    /// <summary>The HELO/EHLO name; null when the client sends none.</summary>
    public string? Helo { get; init; }

    /// <summary>The SASL login name the client authenticated as; null when it did not authenticate.</summary>
    public string? SaslLogin { get; init; }

    /// <summary>The master.cf service the client connects to: <c>smtp</c> (port 25), <c>submission</c>, <c>smtps</c>, or a <c>host:port</c> service name.</summary>
    public string Service { get; init; } = "smtp";

    /// <summary>Whether the session uses TLS; null means "as the listener requires" (TLS when it enforces TLS).</summary>
    public bool? Tls { get; init; }

    /// <summary>
    /// The fingerprint of the certificate the client presents in its TLS handshake, as smtpd computes it with
    /// <c>smtpd_tls_fingerprint_digest</c> (<c>AB:CD:…</c>); null when it presents none. smtpd only sees it in a TLS
    /// session on a listener with <c>smtpd_tls_ask_ccert = yes</c>.
    /// </summary>
    public string? ClientCert { get; init; }

    /// <summary>The fingerprint of the client certificate's public key (<c>peer_pkey_fprint</c>, same digest), looked up when the certificate's is not listed; null when not given (taken as unlisted).</summary>
    public string? ClientCertPkey { get; init; }

    /// <summary>The subject CommonName of the client certificate (smtpd's <c>peer_CN</c>, shown in <c>check_ccert_access</c> replies); null is the empty name.</summary>
    public string? ClientCertCommonName { get; init; }

    /// <summary>True when smtpd verifies the client certificate against its trusted CAs (<c>permit_tls_all_clientcerts</c> needs that).</summary>
    public bool ClientCertVerified { get; init; }

    /// <summary>
    /// True when the client sends the SMTPUTF8 parameter with MAIL FROM (RFC 6531): it may then use UTF-8 domains,
    /// and <c>strict_smtputf8</c> lets its UTF-8 addresses through. smtpd refuses the parameter
    /// (<c>555 5.5.4 Unsupported option: SMTPUTF8</c>) when <c>smtputf8_enable = no</c> or SMTPUTF8 is a discarded
    /// EHLO keyword.
    /// </summary>
    public bool Smtputf8 { get; init; }

    /// <summary>An identifier copied to the output.</summary>
    public string? Id { get; init; }

    /// <summary>Other keys of the probe, as raw JSON values, copied to the output unchanged.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Extra { get; init; } = [];

    /// <summary>The JSON line the probe was read from, when it was read from one (its keys are copied to the output in order).</summary>
    public string? RawJson { get; init; }
}
