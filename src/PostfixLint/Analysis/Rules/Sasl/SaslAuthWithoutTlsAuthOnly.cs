using PostfixLint.Analysis.Relay;
using PostfixLint.Diagnostics;
using PostfixLint.Model;

namespace PostfixLint.Analysis.Rules.Sasl;

/// <summary>PFL305: a listener reachable from the network offers AUTH before STARTTLS, so passwords may cross in clear text.</summary>
internal sealed class SaslAuthWithoutTlsAuthOnly : Rule
{
    private const string Enable = "smtpd_sasl_auth_enable";
    private const string AuthOnly = "smtpd_tls_auth_only";

    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL305", "sasl-auth-without-tls-auth-only", "AUTH is offered on unencrypted sessions",
        DiagnosticSeverity.Warning, RuleCategory.SaslTls, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var groups = new Dictionary<SourceLocation, List<SmtpdListener>>();
        var order = new List<SourceLocation>();
        foreach (var listener in context.Listeners)
        {
            var settings = context.SettingsOf(listener.MasterService);
            // noplaintext: the mechanisms left (CRAM-MD5, SCRAM, ...) never send the password itself.
            if (!SaslListenerFacts.SaslEnabled(settings) || !SaslListenerFacts.AuthInPlaintext(settings)
                || SaslListenerFacts.LoopbackOnly(listener, settings)
                || settings.GetList("smtpd_sasl_security_options").Contains("noplaintext", StringComparer.OrdinalIgnoreCase)
                || context.LocateParameter(Enable, listener.MasterService) is not { } at)
            {
                continue;
            }

            if (!groups.TryGetValue(at, out var listeners))
            {
                groups[at] = listeners = [];
                order.Add(at);
            }

            listeners.Add(listener);
        }

        foreach (var at in order)
        {
            var listeners = groups[at];
            var service = listeners[0].MasterService;
            var names = string.Join(", ", listeners.Select(l => $"`{l.Service}`"));
            context.Report(Meta,
                $"{Enable} = yes ({context.Where(Enable, service)}) offers AUTH on {names} before STARTTLS: {AuthOnly} = no ({context.Where(AuthOnly, service)}) and TLS is not enforced, so passwords can cross the network unencrypted",
                at, AuthOnlyFix(context, at, listeners), help: $"set {AuthOnly} = yes (or enforce TLS on the listener)");
        }
    }

    /// <summary>Turns smtpd_tls_auth_only on where the listener's SASL switch is written (its -o options, or main.cf).</summary>
    private static Fix? AuthOnlyFix(RuleContext context, SourceLocation at, List<SmtpdListener> listeners)
    {
        const string title = $"Set {AuthOnly} = yes";
        var service = listeners[0].MasterService;
        var target = service?.Overrides.Any(o => o.Name == Enable) == true ? service : null;
        if ((target is null && listeners.Any(l => Overrides(l.MasterService, AuthOnly))) || context.DocumentText(at.Path) is null)
        {
            return null;
        }

        // Unsafe: clients that log in without STARTTLS (or a server without a TLS certificate) can no longer authenticate.
        var written = target is null ? context.Config.ExplicitParameters.ContainsKey(AuthOnly) : Overrides(target, AuthOnly);
        if (written)
        {
            return SaslListenerFacts.ValueLocation(context, AuthOnly, target) is { } value
                ? Fix.Create(title, FixSafety.Unsafe, value.Path, TextEdit.Replace(value.Span, "yes"))
                : null;
        }

        return SaslListenerFacts.AddSettingAfter(context, Enable, target, AuthOnly, "yes", title, FixSafety.Unsafe);
    }

    private static bool Overrides(MasterService? service, string name) => service?.Overrides.Any(o => o.Name == name) == true;
}
