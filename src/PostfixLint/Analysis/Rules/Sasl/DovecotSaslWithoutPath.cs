using PostfixLint.Diagnostics;
using PostfixLint.Model;

namespace PostfixLint.Analysis.Rules.Sasl;

/// <summary>PFL306: <c>smtpd_sasl_type = dovecot</c> with <c>smtpd_sasl_path</c> left at its Cyrus-minded default or empty.</summary>
internal sealed class DovecotSaslWithoutPath : Rule
{
    private const string Type = "smtpd_sasl_type";
    private const string SaslPath = "smtpd_sasl_path";

    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL306", "dovecot-sasl-without-path", "Dovecot SASL without the path of Dovecot's auth socket",
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
            if (!SaslListenerFacts.SaslEnabled(settings) || !settings.Get(Type).Equals("dovecot", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // postconf(5) smtpd_sasl_path: for dovecot, the auth socket, relative to the queue directory (smtpd runs
            // chrooted there by default). The default `smtpd` is Cyrus' application name: a socket named
            // $queue_directory/smtpd, where Dovecot's documented listener is private/auth.
            var path = settings.Get(SaslPath);
            var written = settings.IsExplicit(SaslPath);
            if ((written && path.Length > 0) || context.LocateParameter(Type, service) is not { } at || !reported.Add(at))
            {
                continue;
            }

            var problem = written
                ? $"{SaslPath} is empty ({context.Where(SaslPath, service)}), so smtpd has no socket to ask"
                : $"{SaslPath} is left at its default `smtpd` (a Cyrus application name), so smtpd looks for Dovecot's socket at $queue_directory/smtpd";
            var target = service?.Overrides.Any(o => o.Name == Type) == true ? service : null;
            // Unsafe: private/auth is Dovecot's documented socket, but only dovecot.conf (service auth, unix_listener) says where it is.
            var fix = written ? null : SaslListenerFacts.AddSettingAfter(context, Type, target, SaslPath, "private/auth",
                $"Set {SaslPath} = private/auth", FixSafety.Unsafe);
            context.Report(Meta,
                $"{Type} = dovecot ({context.Where(Type, service)}) on listener `{listener.Service}`, but {problem}; AUTH fails with \"no SASL authentication mechanisms\" unless Dovecot listens there",
                at, fix, help: $"set {SaslPath} to the unix_listener of Dovecot's auth service, e.g. private/auth");
        }
    }
}
