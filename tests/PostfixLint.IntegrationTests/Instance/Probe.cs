using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace PostfixLint.IntegrationTests.Instance;

/// <summary>One question for the relay decision: who connects, what they say, and on which listener (issue 3's JSON-lines shape).</summary>
/// <param name="Client">The client IP address; an <c>IPv6:</c> prefix is accepted.</param>
/// <param name="Sender">The MAIL FROM address; the empty string is the null sender <c>&lt;&gt;</c>.</param>
/// <param name="Recipient">The RCPT TO address.</param>
public sealed record Probe(string Client, string Sender, string Recipient)
{
    /// <summary>The verified client hostname (XCLIENT <c>NAME</c>); null makes the client <c>unknown[addr]</c>.</summary>
    public string? ClientName { get; init; }

    /// <summary>The EHLO name; null (or a missing key) means the client sends no EHLO at all.</summary>
    public string? Helo { get; init; }

    /// <summary>The SASL login the client authenticates as, or null for an unauthenticated client.</summary>
    public string? SaslLogin { get; init; }

    /// <summary>The master.cf service the client connects to, e.g. <c>smtp</c> or <c>submission</c>.</summary>
    public string Service { get; init; } = "smtp";

    /// <summary>True when the client does STARTTLS after its EHLO (a wrapper-mode listener is TLS from the start anyway); null or false: no STARTTLS.</summary>
    public bool? Tls { get; init; }

    /// <summary>
    /// The fingerprint of the client certificate presented in the TLS handshake: the harness presents
    /// <see cref="TestClientCertificate"/> (whose <see cref="TestClientCertificate.Fingerprint"/> this must be); null: none.
    /// </summary>
    public string? ClientCert { get; init; }

    /// <summary>True when the client appends the SMTPUTF8 parameter to MAIL FROM (RFC 6531); the addresses go out as UTF-8 bytes.</summary>
    public bool Smtputf8 { get; init; }

    /// <summary>An optional identifier, copied to the result.</summary>
    public string? Id { get; init; }

    /// <summary>Keys the probe format does not define, in input order, with their raw JSON values; copied to the output unchanged.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Extra { get; init; } = [];

    /// <summary>The client address without an <c>IPv6:</c> prefix.</summary>
    public string ClientAddress => Client.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase) ? Client[5..] : Client;

    /// <summary>True when the client address is IPv6.</summary>
    public bool IsIPv6 => ClientAddress.Contains(':', StringComparison.Ordinal);

    /// <summary>Writes the probe's keys into <paramref name="target"/> in the canonical order, then the extra keys.</summary>
    public void WriteTo(JsonObject target)
    {
        if (Id is not null)
        {
            target["id"] = Id;
        }

        target["client"] = Client;
        target["client_name"] = ClientName;
        target["helo"] = Helo;
        target["sasl_login"] = SaslLogin;
        target["sender"] = Sender;
        target["recipient"] = Recipient;
        target["service"] = Service;
        if (Tls is bool tls)
        {
            target["tls"] = tls;
        }

        if (ClientCert is not null)
        {
            target["client_cert"] = ClientCert;
        }

        if (Smtputf8)
        {
            target["smtputf8"] = true;
        }

        foreach (var (key, raw) in Extra)
        {
            target[key] = JsonNode.Parse(raw);
        }
    }
}
