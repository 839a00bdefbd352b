namespace PostfixLint.Simulation;

/// <summary>What smtpd's TLS layer records about a client certificate (tls_server.c <c>tls_server_post_accept()</c>).</summary>
/// <param name="Fingerprint">The certificate fingerprint (<c>peer_cert_fprint</c>, digest <c>smtpd_tls_fingerprint_digest</c>).</param>
/// <param name="PkeyFingerprint">The public-key fingerprint (<c>peer_pkey_fprint</c>); null when the probe does not give it.</param>
/// <param name="CommonName">The subject CommonName (<c>peer_CN</c>), empty when unknown.</param>
/// <param name="Verified">True when the chain verified against the trusted CAs (<c>TLS_CERT_IS_TRUSTED()</c>).</param>
internal sealed record ClientCertificate(string Fingerprint, string? PkeyFingerprint, string CommonName, bool Verified);
