using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using PostfixLint.Syntax;

namespace PostfixLint.IntegrationTests.Instance;

/// <summary>Composes the main.cf a private instance runs with: the Debian-12-like base, the scenario's settings, then the enforced isolation settings.</summary>
internal static partial class InstanceMainCf
{
    /// <summary>The aliases file the base's <c>alias_maps</c> refers to when a scenario brings none.</summary>
    public const string DefaultAliases = "postmaster: root\n";

    /// <summary>The base: Debian 12's main.cf values with a fixed identity; a scenario may change every one.</summary>
    /// <remarks>
    /// <c>inet_interfaces</c> is 127.0.0.1 (not Debian's <c>all</c>) because that is what the instance listens on, and
    /// Postfix derives the default <c>mynetworks</c> and <c>user@[ip]</c> locality from it; writing it into the scenario
    /// keeps a simulator's input equal to what the real instance reads.
    /// </remarks>
    public static readonly ImmutableArray<KeyValuePair<string, string>> Base =
    [
        new("compatibility_level", "3.6"),
        new("smtpd_banner", "$myhostname ESMTP $mail_name (Debian/GNU)"),
        new("biff", "no"),
        new("append_dot_mydomain", "no"),
        new("readme_directory", "no"),
        new("myhostname", "mail.example.com"),
        new("mydomain", "example.com"),
        new("alias_maps", "hash:$config_directory/aliases"),
        new("alias_database", "hash:$config_directory/aliases"),
        new("mydestination", "$myhostname, localhost.$mydomain, localhost"),
        new("relayhost", ""),
        new("mynetworks", "127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128"),
        new("smtpd_relay_restrictions", "permit_mynetworks permit_sasl_authenticated defer_unauth_destination"),
        new("mailbox_size_limit", "0"),
        new("recipient_delimiter", "+"),
        new("inet_interfaces", "127.0.0.1"),
        new("inet_protocols", "ipv4"),

        // Debian offers STARTTLS (with its snakeoil certificate); the instance uses a certificate the tests generate.
        new("smtpd_tls_security_level", "may"),
    ];

    /// <summary>Parameters whose enforced value cannot change an SMTP reply (paths, logging, the harness's own access, backends).</summary>
    public static readonly ImmutableHashSet<string> NeutralEnforced =
    [
        "queue_directory", "data_directory", "maillog_file", "maillog_file_prefixes", "smtpd_authorized_xclient_hosts",
        "smtpd_peername_lookup", "in_flow_delay", "import_environment", "multi_instance_enable", "notify_classes",
        "smtpd_sasl_type", "smtpd_sasl_path", "cyrus_sasl_config_path", "address_verify_poll_count",
        "smtpd_client_connection_count_limit", "smtpd_client_connection_rate_limit", "smtpd_client_message_rate_limit",
        "smtpd_client_recipient_rate_limit", "smtpd_client_auth_rate_limit", "smtpd_client_new_tls_session_rate_limit",
        "smtpd_tls_cert_file", "smtpd_tls_key_file",
    ];

    /// <summary>The base followed by <paramref name="fragment"/>; base lines the fragment sets are left out.</summary>
    public static string WithBase(string fragment)
    {
        var names = MainCfSyntax.Parse(fragment).Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder("# Debian-12-like base (PrivatePostfixInstance)\n");
        foreach (var (name, value) in Base.Where(b => !names.Contains(b.Key)))
        {
            text.Append(name).Append(" = ").Append(value).Append('\n');
        }

        text.Append("# scenario\n").Append(fragment);
        if (fragment.Length > 0 && !fragment.EndsWith('\n'))
        {
            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The settings no scenario may change, for an instance rooted at <paramref name="root"/>.</summary>
    public static ImmutableArray<KeyValuePair<string, string>> Enforced(string root, string configDirectory, string inetInterfaces) =>
    [
        new("queue_directory", Path.Combine(root, "queue")),
        new("data_directory", Path.Combine(root, "data")),
        new("maillog_file", Path.Combine(root, "maillog")),
        new("maillog_file_prefixes", root),
        new("inet_interfaces", inetInterfaces),
        new("smtpd_authorized_xclient_hosts", "127.0.0.0/8 [::1]/128"),
        new("smtpd_peername_lookup", "no"),

        // Without qmgr nobody hands cleanup flow-control tokens: every first accepted RCPT would wait 1 s.
        new("in_flow_delay", "0"),

        // DNS-based restrictions must not stall on a resolver that cannot answer.
        new("import_environment", "MAIL_CONFIG MAIL_DEBUG MAIL_LOGTAG TZ LANG=C POSTLOG_SERVICE POSTLOG_HOSTNAME {RES_OPTIONS=timeout:1 attempts:1}"),
        new("multi_instance_enable", "no"),
        new("smtpd_milters", ""),
        new("non_smtpd_milters", ""),
        new("smtpd_proxy_filter", ""),
        new("notify_classes", ""),
        new("address_verify_poll_count", "1"),
        new("smtpd_client_connection_count_limit", "0"),
        new("smtpd_client_connection_rate_limit", "0"),
        new("smtpd_client_message_rate_limit", "0"),
        new("smtpd_client_recipient_rate_limit", "0"),
        new("smtpd_client_auth_rate_limit", "0"),
        new("smtpd_client_new_tls_session_rate_limit", "0"),

        // SASL, when a scenario enables it, is Cyrus with the instance's own sasldb; AUTH PLAIN, in clear text over
        // loopback unless the scenario sets smtpd_tls_auth_only (the harness does real STARTTLS for probes with tls).
        new("smtpd_sasl_type", "cyrus"),
        new("smtpd_sasl_path", "smtpd"),
        new("cyrus_sasl_config_path", Path.Combine(configDirectory, "sasl")),
        new("smtpd_tls_cert_file", TestCertificate.CertFile),
        new("smtpd_tls_key_file", TestCertificate.KeyFile),
        new("smtpd_upstream_proxy_protocol", ""),
    ];

    /// <summary>Keeps a scenario's <c>inet_interfaces</c> when it names only IPv4 loopback addresses, else 127.0.0.1.</summary>
    public static string SafeInetInterfaces(string? value)
    {
        if (value is null)
        {
            return "127.0.0.1";
        }

        var items = value.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return items.Length > 0 && items.All(i => LoopbackV4().IsMatch(i)) ? string.Join(' ', items) : "127.0.0.1";
    }

    /// <summary>Rewrites <c>/etc/postfix/</c> in a value to the instance's configuration directory.</summary>
    public static string RewritePaths(string value, string configDirectory) =>
        EtcPostfix().Replace(value, configDirectory + "/");

    [GeneratedRegex(@"^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$")]
    private static partial Regex LoopbackV4();

    [GeneratedRegex(@"(?<![\w/.])/etc/postfix/")]
    private static partial Regex EtcPostfix();
}
