using PostfixLint.Diagnostics;
using PostfixLint.Model;

namespace PostfixLint.Analysis.Rules.Sasl;

/// <summary>PFL304: a listener offers AUTH with security options that lack <c>noanonymous</c>.</summary>
internal sealed class SaslSecurityOptionsAllowAnonymous : Rule
{
    private const string Options = "smtpd_sasl_security_options";
    private const string TlsOptions = "smtpd_sasl_tls_security_options";

    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL304", "sasl-security-options-allow-anonymous", "SASL security options allow anonymous logins",
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
            if (!SaslListenerFacts.SaslEnabled(settings))
            {
                continue;
            }

            // smtpd_sasl_glue.c: the plaintext options apply before STARTTLS, the TLS options (by default the same
            // value, through $smtpd_sasl_security_options) inside TLS.
            var inEffect = SaslListenerFacts.AuthInPlaintext(settings) ? new[] { Options, TlsOptions } : [TlsOptions];
            foreach (var name in inEffect)
            {
                if (context.Config.GetList(name, service) is not { } list
                    || list.Value.Any(o => o.Text.Equals("noanonymous", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                // The parameter that holds the words (TLS options usually come from $smtpd_sasl_security_options).
                var writer = list.Value.IsEmpty ? name : list.Value[0].Origin?.Parameter ?? name;
                if (context.LocateParameter(writer, service) is not { } at || !reported.Add(at))
                {
                    continue;
                }

                var value = settings.Get(writer);
                context.Report(Meta,
                    $"{writer} = {(value.Length == 0 ? "(empty)" : value)} ({context.Where(writer, service)}) lacks `noanonymous`, so listener `{listener.Service}` offers anonymous SASL mechanisms",
                    at, AddFix(context, writer, service), help: "add `noanonymous` to the options");
            }
        }
    }

    /// <summary>Appends <c>noanonymous</c> after the last option, with the list's own separator.</summary>
    private static Fix? AddFix(RuleContext context, string name, MasterService? service)
    {
        if (SaslListenerFacts.ValueLocation(context, name, service) is not { } value || context.DocumentText(value.Path) is not { } text)
        {
            return null;
        }

        var written = text.Substring(value.Span.Start, value.Span.Length);
        // A -o name=value option is one word: no blanks there (master(5)).
        var separator = written.Contains(", ", StringComparison.Ordinal) ? ", "
            : written.Contains(',', StringComparison.Ordinal) || service?.Overrides.Any(o => o.Name == name) == true ? ","
            : written.Contains(' ', StringComparison.Ordinal) ? " " : ", ";
        // Safe: permit_sasl_authenticated never counts an anonymous login (smtpd_check.c), so no real user loses anything.
        return Fix.Create($"Add `noanonymous` to {name}", FixSafety.Safe, value.Path, TextEdit.Insert(value.Span.End, separator + "noanonymous"));
    }
}
