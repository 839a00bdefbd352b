using PostfixLint.Diagnostics;
using PostfixLint.Model;

namespace PostfixLint.Analysis.Rules.Sasl;

/// <summary>PFL308: a submission (587) or submissions/smtps (465) listener that does not offer SASL or does not enforce TLS.</summary>
internal sealed class SubmissionWithoutSaslOrTls : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL308", "submission-without-sasl-or-tls", "A submission listener without SASL or without TLS",
        DiagnosticSeverity.Warning, RuleCategory.SaslTls, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var listener in context.Listeners)
        {
            if (listener.MasterService is not { Syntax: { } entry } service || listener.Port is not ("587" or "465")
                || context.Config.MasterCf?.Document.Path is not { } path)
            {
                continue;
            }

            var settings = context.SettingsOf(service);
            var wrapper = listener.Port == "465";
            var missing = new List<string>();
            var fixes = new List<(string Name, string Value)>();
            if (!SaslListenerFacts.SaslEnabled(settings))
            {
                missing.Add($"SASL is off (smtpd_sasl_auth_enable = no, {context.Where("smtpd_sasl_auth_enable", service)})");
                fixes.Add(("smtpd_sasl_auth_enable", "yes"));
            }

            // RFC 8314: port 465 speaks TLS from the first byte (wrapper mode); RFC 6409 submission on 587 should require STARTTLS.
            if (wrapper && !settings.GetBool("smtpd_tls_wrappermode"))
            {
                missing.Add($"smtpd_tls_wrappermode = no ({context.Where("smtpd_tls_wrappermode", service)}), so clients that start TLS at once (port 465) cannot talk to it");
                fixes.Add(("smtpd_tls_wrappermode", "yes"));
            }
            else if (!wrapper && !SaslListenerFacts.TlsEnforced(settings))
            {
                var level = settings.Get("smtpd_tls_security_level");
                missing.Add($"TLS is not required (smtpd_tls_security_level = {(level.Length == 0 ? "(empty)" : level)}, {context.Where("smtpd_tls_security_level", service)})");
                fixes.Add(("smtpd_tls_security_level", "encrypt"));
            }

            if (missing.Count == 0)
            {
                continue;
            }

            var at = new SourceLocation(path, entry.Service.Span);
            context.Report(Meta,
                $"{(wrapper ? "submissions" : "submission")} listener `{listener.Service}` (port {listener.Port}): {string.Join("; ", missing)}",
                at, AddFix(context, service, entry, path, fixes), help: "a submission listener should require TLS and SASL authentication");
        }
    }

    /// <summary>Adds the missing <c>-o</c> options after the last one (or after the command), spaced like the options already there.</summary>
    private static Fix? AddFix(RuleContext context, MasterService service, PostfixLint.Syntax.ServiceEntrySyntax entry, string path, List<(string Name, string Value)> fixes)
    {
        if (fixes.Any(f => service.Overrides.Any(o => o.Name == f.Name)) || context.DocumentText(path) is not { } text)
        {
            // The option is written with the wrong value: let the admin change it.
            return null;
        }

        var overrides = entry.Overrides;
        var gap = overrides.Length >= 2 ? text[overrides[^2].Span.End..overrides[^1].Span.Start]
            : overrides.Length == 1 ? text[entry.Command.Span.End..overrides[0].Span.Start] : " ";
        var end = overrides.Length > 0 ? overrides[^1].Span.End : entry.Span.End;
        var added = string.Concat(fixes.Select(f => $"{gap}-o {f.Name}={f.Value}"));
        // Unsafe: clients that used the port without TLS or without logging in are refused afterwards.
        return Fix.Create($"Add {string.Join(" and ", fixes.Select(f => $"`-o {f.Name}={f.Value}`"))} to `{service.Name}`",
            FixSafety.Unsafe, path, TextEdit.Insert(end, added));
    }
}
