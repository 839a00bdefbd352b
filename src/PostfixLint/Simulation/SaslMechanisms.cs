namespace PostfixLint.Simulation;

/// <summary>
/// Whether the SASL server keeps a mechanism under <c>smtpd_sasl_security_options</c> (before TLS) or
/// <c>smtpd_sasl_tls_security_options</c> (after TLS). The simulator assumes the password mechanisms PLAIN and LOGIN,
/// which is what Cyrus with saslauthd or sasldb and Dovecot's default <c>auth_mechanisms = plain</c> offer.
/// </summary>
internal static class SaslMechanisms
{
    /// <summary>smtpd_sasl_glue.c smtpd_sasl_activate(): with no mechanism left, smtpd exits with this fatal error.</summary>
    public const string NoMechanisms = "no SASL authentication mechanisms";

    /// <summary>
    /// The options in <paramref name="optionsParameter"/> that filter out both PLAIN and LOGIN; empty when they survive.
    /// Cyrus (sasl_listmech(), xsasl_cyrus_security.c) keeps a mechanism only when its plug-in has every requested flag,
    /// and PLAIN/LOGIN have only noanonymous (Postfix sets no external SSF, so TLS does not lift noplaintext); Dovecot
    /// (xsasl_dovecot_server_mech_filter()) drops a mechanism flagged with a refused property (PLAIN/LOGIN: plaintext)
    /// or lacking a required one (mutual_auth, forward_secrecy).
    /// </summary>
    public static IReadOnlyList<string> Filtering(ListenerSettings settings, string optionsParameter)
    {
        var dovecot = settings.Get("smtpd_sasl_type").Trim().Equals("dovecot", StringComparison.OrdinalIgnoreCase);
        return settings.GetList(optionsParameter)
            .Select(o => o.ToLowerInvariant())
            .Where(o => dovecot ? o is "noplaintext" or "mutual_auth" or "forward_secrecy" : o is "noplaintext" or "noactive" or "nodictionary" or "mutual_auth" or "forward_secrecy")
            .ToList();
    }
}
