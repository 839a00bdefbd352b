using PostfixLint.Diagnostics;
using PostfixLint.Model;

namespace PostfixLint.Analysis.Rules.Syntax;

/// <summary>PFL071: a parameter that Postfix 3.7 still accepts but documents as obsolete, renamed or ignored.</summary>
internal sealed class ObsoleteParameter : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL071", "obsolete-parameter", "A parameter Postfix 3.7 documents as obsolete, renamed or ignored is set",
        DiagnosticSeverity.Warning, RuleCategory.Syntax, FixAvailability.Sometimes);

    /// <summary>What postconf(5) of Postfix 3.7 says replaces each obsolete parameter (the facts, with the version that changed).</summary>
    /// <remarks>
    /// <c>Rename</c> marks a pure rename: the new parameter's default is the old one's value (<c>postconf -d</c>:
    /// <c>postscreen_denylist_action = ${postscreen_blacklist_action?{$postscreen_blacklist_action}:{ignore}}</c>), so
    /// writing the new name instead keeps behaviour. <c>smtpd_tls_dh1024_param_file</c> is not here: 3.7 still uses it.
    /// </remarks>
    private static readonly Dictionary<string, (string Advice, bool Rename)> s_obsolete = new(StringComparer.Ordinal)
    {
        ["smtpd_use_tls"] = ("obsolete since Postfix 2.3; use `smtpd_tls_security_level = may`", false),
        ["smtpd_enforce_tls"] = ("obsolete since Postfix 2.3; use `smtpd_tls_security_level = encrypt`", false),
        ["smtp_use_tls"] = ("obsolete since Postfix 2.3; use `smtp_tls_security_level = may`", false),
        ["smtp_enforce_tls"] = ("obsolete since Postfix 2.3; use `smtp_tls_security_level = encrypt` (or `verify`)", false),
        ["smtp_tls_enforce_peername"] = ("obsolete since Postfix 2.3; use `smtp_tls_security_level` (`encrypt` for `no`, `verify` for `yes`)", false),
        ["lmtp_use_tls"] = ("obsolete since Postfix 2.3; use `lmtp_tls_security_level = may`", false),
        ["lmtp_enforce_tls"] = ("obsolete since Postfix 2.3; use `lmtp_tls_security_level = encrypt`", false),
        ["lmtp_tls_enforce_peername"] = ("obsolete since Postfix 2.3; use `lmtp_tls_security_level`", false),
        ["postscreen_use_tls"] = ("obsolete; use `postscreen_tls_security_level = may`", false),
        ["postscreen_enforce_tls"] = ("obsolete; use `postscreen_tls_security_level = encrypt`", false),
        ["tlsproxy_use_tls"] = ("obsolete; use `tlsproxy_tls_security_level = may`", false),
        ["tlsproxy_enforce_tls"] = ("obsolete; use `tlsproxy_tls_security_level = encrypt`", false),
        ["tlsproxy_client_use_tls"] = ("obsolete; use `tlsproxy_client_security_level = may`", false),
        ["tlsproxy_client_enforce_tls"] = ("obsolete; use `tlsproxy_client_security_level = encrypt`", false),
        ["smtp_tls_per_site"] = ("obsolete since Postfix 2.3; use `smtp_tls_policy_maps`", false),
        ["lmtp_tls_per_site"] = ("obsolete since Postfix 2.3; use `lmtp_tls_policy_maps`", false),
        ["disable_dns_lookups"] = ("deprecated since Postfix 2.11; use `smtp_dns_support_level` (`disabled` for `yes`)", false),
        ["smtpd_tls_dh512_param_file"] = ("ignored since Postfix 3.6 (export-grade Diffie-Hellman is no longer supported); remove it", false),
        ["smtpd_tls_eecdh_grade"] = ("ignored since Postfix 3.6 (Postfix behaves as if it were `auto`); remove it", false),
        ["maps_rbl_domains"] = ("obsolete; use `reject_rbl_client` in a restriction list", false),
        ["virtual_maps"] = ("replaced in Postfix 2.0 by `virtual_alias_maps` (and `virtual_alias_domains`)", false),
        ["postscreen_dnsbl_ttl"] = ("replaced in Postfix 3.1 by `postscreen_dnsbl_max_ttl`", false),
        ["authorized_verp_clients"] = ("renamed to `smtpd_authorized_verp_clients` in Postfix 2.1", true),
        ["fallback_relay"] = ("renamed to `smtp_fallback_relay` in Postfix 2.3", true),
        ["postscreen_blacklist_action"] = ("renamed to `postscreen_denylist_action` in Postfix 3.6", true),
        ["postscreen_whitelist_interfaces"] = ("renamed to `postscreen_allowlist_interfaces` in Postfix 3.6", true),
        ["postscreen_dnsbl_whitelist_threshold"] = ("renamed to `postscreen_dnsbl_allowlist_threshold` in Postfix 3.6", true),
        ["tlsproxy_client_level"] = ("renamed to `tlsproxy_client_security_level` in Postfix 3.7", true),
        ["tlsproxy_client_policy"] = ("renamed to `tlsproxy_client_policy_maps` in Postfix 3.7", true),
    };

    private static readonly Dictionary<string, string> s_renamedTo = new(StringComparer.Ordinal)
    {
        ["authorized_verp_clients"] = "smtpd_authorized_verp_clients",
        ["fallback_relay"] = "smtp_fallback_relay",
        ["postscreen_blacklist_action"] = "postscreen_denylist_action",
        ["postscreen_whitelist_interfaces"] = "postscreen_allowlist_interfaces",
        ["postscreen_dnsbl_whitelist_threshold"] = "postscreen_dnsbl_allowlist_threshold",
        ["tlsproxy_client_level"] = "tlsproxy_client_security_level",
        ["tlsproxy_client_policy"] = "tlsproxy_client_policy_maps",
    };

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var (name, parameter) in context.Config.ExplicitParameters.OrderBy(p => p.Value.Provenance.Line))
        {
            if (s_obsolete.TryGetValue(name, out var entry) && parameter.Provenance.File is not null)
            {
                context.Report(Meta, $"{name} is {entry.Advice}", context.LocateName(parameter.Provenance, name),
                    RenameFix(context, name, parameter.Provenance, entry.Rename));
            }
        }

        foreach (var service in context.Config.Services)
        {
            foreach (var option in service.Overrides)
            {
                if (s_obsolete.TryGetValue(option.Name, out var entry))
                {
                    context.Report(Meta, $"{option.Name} (-o of {service.Name}) is {entry.Advice}",
                        context.LocateName(option.Provenance, option.Name), RenameFix(context, option.Name, option.Provenance, entry.Rename));
                }
            }
        }
    }

    /// <summary>Writes the new name over the old one, when that keeps behaviour exactly.</summary>
    private static Fix? RenameFix(RuleContext context, string name, Provenance provenance, bool rename)
    {
        if (!rename || !s_renamedTo.TryGetValue(name, out var newName) || context.LocateName(provenance, name) is not { } at
            || at.Span.Length != name.Length)
        {
            return null;
        }

        // Safe only when the new name is not set too (then the old one is already ignored) and no other value
        // refers to `$old`, which would expand to nothing after the rename.
        var referenced = context.Config.ExplicitParameters.Values.Any(p => p.Value.Contains(name, StringComparison.Ordinal))
                         || context.Config.Services.SelectMany(s => s.Overrides).Any(o => o.Value.Contains(name, StringComparison.Ordinal));
        if (context.Config.ExplicitParameters.ContainsKey(newName) || referenced)
        {
            return null;
        }

        return Fix.Create($"Rename `{name}` to `{newName}`", FixSafety.Safe, at.Path, TextEdit.Replace(at.Span, newName));
    }
}
