using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Sasl;

/// <summary>PFL303: <c>broken_sasl_auth_clients = yes</c>, a workaround for mail clients from before 2003.</summary>
internal sealed class BrokenSaslAuthClientsEnabled : Rule
{
    private const string Name = "broken_sasl_auth_clients";

    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL303", "broken-sasl-auth-clients-enabled", "broken_sasl_auth_clients works around obsolete mail clients",
        DiagnosticSeverity.Info, RuleCategory.SaslTls, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var service in RuleScopes.ParameterScopes(context, Name))
        {
            // Only where it is written: a listener without -o inherits main.cf's line, reported once.
            if (context.LocateParameter(Name, service) is not { } at || !context.SettingsOf(service).GetBool(Name))
            {
                continue;
            }

            var value = SaslListenerFacts.ValueLocation(context, Name, service);
            // Unsafe: a client that only understands the old "AUTH=" EHLO line (Outlook Express 4, Exchange 5) stops logging in.
            var fix = value is { } v ? Fix.Create($"Set {Name} to `no`", FixSafety.Unsafe, v.Path, TextEdit.Replace(v.Span, "no")) : null;
            context.Report(Meta,
                $"{Name} = yes ({context.Where(Name, service)}) adds a second, non-standard `AUTH=` line to the EHLO reply for mail clients from before 2003",
                at, fix, help: "remove the setting unless a client that old still has to log in");
        }
    }
}
