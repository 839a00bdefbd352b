using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PostfixLint.IntegrationTests.Instance;

/// <summary>
/// A self-signed client certificate (CN <c>client.example.net</c>), generated once per test run, that a probe with
/// <see cref="Probe.ClientCert"/> presents in its TLS handshake (smtpd asks for one under <c>smtpd_tls_ask_ccert = yes</c>).
/// </summary>
internal static class TestClientCertificate
{
    private static readonly Lazy<X509Certificate2> s_certificate = new(Create);

    /// <summary>The subject CommonName smtpd sees (<c>peer_CN</c>).</summary>
    public const string CommonName = "client.example.net";

    /// <summary>The certificate, with its private key.</summary>
    public static X509Certificate2 Certificate => s_certificate.Value;

    /// <summary>The certificate's fingerprint as smtpd computes it with <c>smtpd_tls_fingerprint_digest = sha256</c>: the SHA-256 of its DER form, upper-case hex bytes joined by colons.</summary>
    public static string Fingerprint => Colons(Certificate.GetCertHash(HashAlgorithmName.SHA256));

    /// <summary>The fingerprint of the certificate's public key as smtpd computes it (<c>peer_pkey_fprint</c>): the SHA-256 of its SubjectPublicKeyInfo.</summary>
    public static string PkeyFingerprint => Colons(SHA256.HashData(Certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    /// <summary>Another fingerprint of the same form that no presented certificate has.</summary>
    public static string OtherFingerprint => Colons(SHA256.HashData("no such certificate"u8));

    private static string Colons(byte[] hash) => string.Join(':', hash.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    private static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={CommonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));

        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
