using System.Net;
using PostfixLint.Analysis.Relay;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Simulation;
using PostfixLint.Syntax;

namespace PostfixLint.Analysis.Rules.Sasl;

/// <summary>What the SASL and TLS rules ask of one listener's settings (main.cf overlaid with its <c>-o</c> options).</summary>
internal static class SaslListenerFacts
{
    /// <summary>AUTH is offered at all: <c>smtpd_sasl_auth_enable = yes</c>.</summary>
    public static bool SaslEnabled(ListenerSettings settings) => settings.GetBool("smtpd_sasl_auth_enable");

    /// <summary>
    /// Every session is encrypted: wrapper mode, <c>smtpd_tls_security_level = encrypt</c> or the obsolete
    /// <c>smtpd_enforce_tls = yes</c> (smtpd.c: wrapper mode implies enforcement; an empty security level defers to the
    /// obsolete smtpd_use_tls/smtpd_enforce_tls).
    /// </summary>
    public static bool TlsEnforced(ListenerSettings settings) =>
        settings.GetBool("smtpd_tls_wrappermode")
        || settings.Get("smtpd_tls_security_level").Equals("encrypt", StringComparison.OrdinalIgnoreCase)
        || (settings.Get("smtpd_tls_security_level").Length == 0 && settings.GetBool("smtpd_enforce_tls"));

    /// <summary>AUTH is offered before TLS: smtpd.c forces <c>smtpd_tls_auth_only</c> on when TLS is enforced.</summary>
    public static bool AuthInPlaintext(ListenerSettings settings) =>
        !settings.GetBool("smtpd_tls_auth_only") && !TlsEnforced(settings);

    /// <summary>True when only this host can connect: the service is bound to a loopback address, or inet_interfaces is loopback only.</summary>
    public static bool LoopbackOnly(SmtpdListener listener, ListenerSettings settings)
    {
        if (listener.Host is { } host)
        {
            return IsLoopback(host);
        }

        var interfaces = settings.GetList("inet_interfaces");
        return interfaces.Length > 0 && interfaces.All(i => i.Equals("loopback-only", StringComparison.OrdinalIgnoreCase) || IsLoopback(i.Trim('[', ']')));
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    /// <summary>
    /// Where the value of <paramref name="name"/> is written for <paramref name="service"/> (its <c>-o</c> option, else
    /// main.cf), from its first to its last word; null when it is a default, empty, or comes through <c>$name</c>.
    /// </summary>
    public static SourceLocation? ValueLocation(RuleContext context, string name, MasterService? service)
    {
        if (context.Config.GetList(name, service) is not { } list || list.Value.IsEmpty)
        {
            return null;
        }

        var first = list.Value[0].Origin;
        var last = list.Value[^1].Origin;
        if (first?.Location is not { } start || last?.Location is not { } end || first.IsExpanded || last.IsExpanded
            || first.Parameter != name || start.Path != end.Path)
        {
            return null;
        }

        return new SourceLocation(start.Path, TextSpan.FromBounds(start.Span.Start, end.Span.End));
    }

    /// <summary>
    /// A fix that writes <c>name = value</c> right after where <paramref name="anchor"/> is written: a new main.cf line
    /// (the file's own line ending) when <paramref name="service"/> is null, else a new <c>-o name=value</c> after the
    /// service's <c>-o</c> of the anchor, spaced like the options before it. Null when the anchor is not written there.
    /// </summary>
    public static Fix? AddSettingAfter(RuleContext context, string anchor, MasterService? service, string name, string value, string title, FixSafety safety)
    {
        if (service is null)
        {
            if (context.Config.ExplicitParameters.ContainsKey(name)
                || context.Config.GetParameter(anchor)?.Provenance is not { Kind: ProvenanceKind.MainCf, File: { } path, Span: { } line }
                || context.DocumentText(path) is not { } text)
            {
                return null;
            }

            var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            return Fix.Create(title, safety, path, TextEdit.Insert(line.End, $"{newline}{name} = {value}"));
        }

        var overrides = service.Syntax?.Overrides ?? [];
        var index = overrides.ToList().FindLastIndex(o => o.Name == anchor);
        if (index < 0 || overrides.Any(o => o.Name == name) || context.Config.MasterCf?.Document is not { } document)
        {
            return null;
        }

        var gap = index > 0 ? document.Text[overrides[index - 1].Span.End..overrides[index].Span.Start] : " ";
        return Fix.Create(title, safety, document.Path, TextEdit.Insert(overrides[index].Span.End, $"{gap}-o {name}={value}"));
    }
}
