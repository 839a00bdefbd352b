using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PostfixLint.IntegrationTests.Instance;

/// <summary>A self-signed server certificate for <c>mail.example.com</c>, generated once per test run, for smtpd's STARTTLS.</summary>
internal static class TestCertificate
{
    private static readonly Lazy<(string Cert, string Key)> s_files = new(Create);

    /// <summary>The PEM certificate file (smtpd_tls_cert_file).</summary>
    public static string CertFile => s_files.Value.Cert;

    /// <summary>The PEM private key file (smtpd_tls_key_file).</summary>
    public static string KeyFile => s_files.Value.Key;

    private static (string, string) Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"pfl-tls-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=mail.example.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        var certFile = Path.Combine(directory, "cert.pem");
        var keyFile = Path.Combine(directory, "key.pem");
        File.WriteAllText(certFile, certificate.ExportCertificatePem() + "\n");
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem() + "\n");
        return (certFile, keyFile);
    }
}
