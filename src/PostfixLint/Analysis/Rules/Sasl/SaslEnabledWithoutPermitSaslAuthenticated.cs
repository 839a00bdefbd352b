using PostfixLint.Analysis.Relay;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Model.Values;
using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Rules.Sasl;

/// <summary>PFL301: a listener offers SASL, yet the relay guard refuses a client that authenticated (no <c>permit_sasl_authenticated</c> before it).</summary>
internal sealed class SaslEnabledWithoutPermitSaslAuthenticated : Rule
{
    private const string Permit = "permit_sasl_authenticated";

    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL301", "sasl-enabled-without-permit-sasl-authenticated", "SASL is enabled but authenticated clients cannot relay",
        DiagnosticSeverity.Error, RuleCategory.SaslTls, FixAvailability.Sometimes);

    private static readonly string[] s_guards = ["reject_unauth_destination", "defer_unauth_destination", "reject", "defer"];

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var reported = new Dictionary<string, (TraceEntry Guard, SimulationResult Result, List<SmtpdListener> Listeners)>(StringComparer.Ordinal);
        foreach (var listener in context.Listeners)
        {
            var settings = context.SettingsOf(listener.MasterService);
            if (!SaslListenerFacts.SaslEnabled(settings) || Probe(context, listener) is not { } result)
            {
                continue;
            }

            // The deciding entry: the last one that refused (classes and access tables nest inside the list).
            var guard = result.Trace.LastOrDefault(e => e.Result is TraceResult.Reject or TraceResult.Defer);
            if (guard is null || guard.Depth != 0 || !s_guards.Contains(FirstWord(guard.Restriction), StringComparer.OrdinalIgnoreCase)
                || guard.List is not ("smtpd_relay_restrictions" or "smtpd_recipient_restrictions"))
            {
                continue;
            }

            var key = $"{guard.Source}|{guard.Source.Span}|{guard.List}";
            if (reported.TryGetValue(key, out var seen))
            {
                seen.Listeners.Add(listener);
            }
            else
            {
                reported[key] = (guard, result, [listener]);
            }
        }

        foreach (var (guard, result, listeners) in reported.Values)
        {
            var service = listeners[0].MasterService;
            var names = string.Join(", ", listeners.Select(l => $"`{l.Service}` ({l.Origin})"));
            var reply = result.RcptReply ?? result.MailFromReply ?? "";
            var message = $"SASL is enabled on {(listeners.Count == 1 ? "listener" : "listeners")} {names}, but a client that authenticated is refused by "
                + $"`{guard.Restriction}` in {guard.List} ({Where(guard.Source)}): `{reply}`; no {Permit} comes before it";
            context.Report(Meta, message, Locate(context, guard, service), InsertFix(context, guard, service),
                help: $"put {Permit} before {FirstWord(guard.Restriction)} in {guard.List}",
                notes: [$"simulated: client {result.Probe.Client} logged in as `{result.Probe.SaslLogin}` over TLS, MAIL FROM:<{result.Probe.Sender}> RCPT TO:<{result.Probe.Recipient}>"]);
        }
    }

    /// <summary>A login from an untrusted public client to a remote recipient, as the listener's users send mail.</summary>
    private static SimulationResult? Probe(RuleContext context, SmtpdListener listener)
    {
        var relay = context.Relay;
        var client = relay.Inputs.Clients.Classes.FirstOrDefault(c => c.IsGloballyRoutable && !relay.IsTrusted(c));
        if (client is null)
        {
            return null;
        }

        var probe = new Probe(client.Representative.ToString(), relay.Inputs.RemoteSender, relay.Inputs.RemoteRecipient)
        {
            Service = listener.Service,
            SaslLogin = relay.Inputs.UnknownLogin,
            Helo = relay.Inputs.UnknownHelo,
            Tls = true,
        };
        var result = context.Simulator.Simulate(probe);
        return result.Decision is Decision.Reject or Decision.Defer ? result : null;
    }

    /// <summary>The guard's place worded for a message: <c>main.cf:12</c>, <c>master.cf:17 (-o smtpd_relay_restrictions)</c>, <c>default</c>.</summary>
    private static string Where(TraceSource source) => source.Path is { } path
        ? $"{Path.GetFileName(path)}:{source.Line}{(source.Kind == TraceSourceKind.ServiceOverride ? $" (-o {source.Name})" : "")}"
        : source.ToString();

    private static SourceLocation? Locate(RuleContext context, TraceEntry guard, MasterService? service) =>
        guard.Source is { Path: { } path, Span: { } span }
            ? new SourceLocation(path, span)
            : context.LocateParameter("smtpd_sasl_auth_enable", service);

    /// <summary>Inserts <c>permit_sasl_authenticated</c> before the guard, with the separator the list already uses.</summary>
    private static Fix? InsertFix(RuleContext context, TraceEntry guard, MasterService? service)
    {
        if (guard.Source is not { Path: { } path, Span: { } span } || context.DocumentText(path) is not { } text
            || context.Config.GetRestrictionList(guard.List, service) is not { } list)
        {
            return null;
        }

        var restrictions = list.Value;
        var index = restrictions.IndexOf(restrictions.FirstOrDefault(r =>
            r.Origin?.Location is { } location && location.Path == path && location.Span.Start == span.Start && !r.Origin.IsExpanded)!);
        if (index < 0 || restrictions.Any(r => r.NormalizedName == Permit))
        {
            // A permit_sasl_authenticated after the guard is for the restriction-order rules to move.
            return null;
        }

        var separator = (index > 0 ? Between(text, restrictions[index - 1], restrictions[index])
            : index + 1 < restrictions.Length ? Between(text, restrictions[index], restrictions[index + 1]) : null) ?? " ";
        var start = restrictions[index].Origin!.Location!.Value.Span.Start;
        // Unsafe: every client with valid credentials may now relay; that is what SASL is for, but it widens who relays.
        return Fix.Create($"Insert `{Permit}` before `{FirstWord(guard.Restriction)}` in {guard.List}", FixSafety.Unsafe, path,
            TextEdit.Insert(start, Permit + separator));
    }

    /// <summary>The text between two neighbouring restrictions as written in the document (newline and indent of a multi-line value included).</summary>
    private static string? Between(string text, Restriction first, Restriction second)
    {
        var end = (first.Argument is { } argument ? argument.Origin : first.Origin) is { Location: { } a } o1 && !o1.IsExpanded ? a : (SourceLocation?)null;
        var start = second.Origin is { Location: { } b } o2 && !o2.IsExpanded ? b : (SourceLocation?)null;
        if (end is not { } e || start is not { } s || e.Path != s.Path || e.Span.End > s.Span.Start || s.Span.Start > text.Length)
        {
            return null;
        }

        var gap = text[e.Span.End..s.Span.Start];
        // Only blanks, commas and line breaks: anything else (a comment line inside the value) is not a separator to copy.
        return gap.Length > 0 && gap.All(c => c is ' ' or '\t' or ',' or '\r' or '\n') ? gap : null;
    }

    private static string FirstWord(string restriction)
    {
        var space = restriction.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? restriction : restriction[..space];
    }
}
