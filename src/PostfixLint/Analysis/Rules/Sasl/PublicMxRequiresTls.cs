using PostfixLint.Diagnostics;
using PostfixLint.Model;

namespace PostfixLint.Analysis.Rules.Sasl;

/// <summary>PFL309: the port 25 listener of a host that receives mail from the internet requires TLS.</summary>
internal sealed class PublicMxRequiresTls : Rule
{
    private const string Level = "smtpd_tls_security_level";

    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL309", "public-mx-requires-tls", "Port 25 requires TLS from every client",
        DiagnosticSeverity.Warning, RuleCategory.SaslTls, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var reported = new HashSet<SourceLocation>();
        foreach (var listener in context.Listeners)
        {
            var service = listener.MasterService;
            var settings = context.SettingsOf(service);
            if (listener.Port != "25" || SaslListenerFacts.LoopbackOnly(listener, settings) || !SaslListenerFacts.TlsEnforced(settings))
            {
                continue;
            }

            // The first parameter that enforces TLS, in the order smtpd reads them.
            var name = settings.GetBool("smtpd_tls_wrappermode") ? "smtpd_tls_wrappermode"
                : settings.Get(Level).Length > 0 ? Level : "smtpd_enforce_tls";
            if (context.LocateParameter(name, service) is not { } at || !reported.Add(at))
            {
                continue;
            }

            Fix? fix = null;
            if (name == Level && SaslListenerFacts.ValueLocation(context, Level, service) is { } value)
            {
                // Unsafe: sessions from clients that do offer STARTTLS are no longer forced to use it.
                fix = Fix.Create($"Set {Level} = may", FixSafety.Unsafe, value.Path, TextEdit.Replace(value.Span, "may"));
            }

            context.Report(Meta,
                $"{name} = {settings.Get(name)} ({context.Where(name, service)}) makes listener `{listener.Service}` on port 25 refuse mail from servers that do not use STARTTLS (\"530 5.7.0 Must issue a STARTTLS command first\"); RFC 3207 forbids this for a publicly-referenced server",
                at, fix, help: $"use {Level} = may on port 25 and require TLS on the submission ports");
        }
    }
}
