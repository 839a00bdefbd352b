using System.Collections.Immutable;
using PostfixLint.Analysis.Relay;
using PostfixLint.Model;
using PostfixLint.Model.Values;
using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Explain;

/// <summary>Explains logged smtpd rejects: the probe each implies, the simulated reply, whether it is reproduced, and why.</summary>
/// <remarks>
/// The client did connect (it is in the log), so probes are simulated as reachable. Explanations of identical rejects
/// are cached, bounded (<see cref="CacheLimit"/>), so a long log costs one simulation per distinct session.
/// </remarks>
internal sealed class LogExplainer
{
    /// <summary>How many distinct rejects are remembered before the cache starts over.</summary>
    public const int CacheLimit = 4096;

    // The recipient of a probe whose session was refused before RCPT TO: never evaluated.
    private const string UnusedRecipient = "postmaster";

    private readonly PostfixConfig _config;
    private readonly RelaySimulator _simulator;
    private readonly Lazy<ImmutableArray<Diagnostics.Diagnostic>> _findings;
    private readonly Lazy<IReadOnlyDictionary<string, string>> _services;
    private readonly Dictionary<string, LogExplanation> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates an explainer over <paramref name="config"/>; <paramref name="lint"/> selects the <c>check</c> findings it names.</summary>
    public LogExplainer(PostfixConfig config, SimulatorOptions? options = null, LintOptions? lint = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _simulator = new RelaySimulator(config, (options ?? new SimulatorOptions()) with { AssumeReachable = true });
        _findings = new Lazy<ImmutableArray<Diagnostics.Diagnostic>>(() => config.IsUsable ? Linter.Check(config, lint).Findings : []);
        _services = new Lazy<IReadOnlyDictionary<string, string>>(BuildServices);
    }

    /// <summary>The master.cf service whose smtpd logs under <paramref name="syslogName"/> (<c>postfix/submission</c> → <c>submission</c>).</summary>
    public string ServiceOf(string syslogName)
    {
        ArgumentNullException.ThrowIfNull(syslogName);
        if (_services.Value.TryGetValue(syslogName, out var service))
        {
            return service;
        }

        // No master.cf entry logs under this name: the conventional "-o syslog_name=postfix/NAME" names the service.
        var slash = syslogName.LastIndexOf('/');
        return slash > 0 ? syslogName[(slash + 1)..] : "smtp";
    }

    /// <summary>Explains one logged reject; <paramref name="warnings"/> are the warning lines the same process logged before it.</summary>
    public LogExplanation Explain(LoggedReject reject, string syslogName, ImmutableArray<string> warnings = default)
    {
        ArgumentNullException.ThrowIfNull(reject);
        var key = string.Join('\n', syslogName, reject.Command, reject.Warning, reject.ClientName, reject.ClientAddress, reject.From, reject.To, reject.Helo, reject.Reply);
        if (!_cache.TryGetValue(key, out var explanation))
        {
            if (_cache.Count >= CacheLimit)
            {
                _cache.Clear();
            }

            explanation = ExplainCore(reject, ServiceOf(syslogName));
            _cache[key] = explanation;
        }

        return warnings.IsDefaultOrEmpty ? explanation : explanation with { LoggedWarnings = warnings };
    }

    /// <summary>Text logged as UTF-8 bytes (one char per byte, as a log file is read) decoded; other text as it is.</summary>
    private static string? Decoded(string? text) => text is null ? null : PostfixLint.Syntax.Tables.TableText.DecodeUtf8Chars(text);

    private static bool HasNonAsciiDomain(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        return at >= 0 && !System.Text.Ascii.IsValid(address.AsSpan(at + 1));
    }

    private static bool Smtputf8Undeclared(SimulationResult result) =>
        result.MailFromReply?.StartsWith("553 5.6.7 ", StringComparison.Ordinal) == true
        || result.RcptReply?.StartsWith("553 5.6.7 ", StringComparison.Ordinal) == true;

    private LogExplanation ExplainCore(LoggedReject reject, string service)
    {
        // A log file is read one char per byte; the simulator takes addresses as text (a UTF-8 address decoded).
        reject = reject with
        {
            Reply = Decoded(reject.Reply)!,
            From = Decoded(reject.From),
            To = Decoded(reject.To),
            Helo = Decoded(reject.Helo),
            ClientName = Decoded(reject.ClientName),
        };

        // smtpd logs no trace of the SMTPUTF8 parameter (proto= stays ESMTP), but it refuses a non-ASCII domain without it
        // before any restriction runs (smtpd_check_addr(): 501, no reject line), so a logged reject naming one implies it.
        var probe = new Probe(reject.ClientAddress, reject.From ?? "", reject.To ?? UnusedRecipient)
        {
            ClientName = reject.ClientName,
            Helo = reject.Helo,
            Service = service,
            Smtputf8 = HasNonAsciiDomain(reject.From) || HasNonAsciiDomain(reject.To),
        };
        var result = _simulator.Simulate(probe);
        if (!probe.Smtputf8 && Smtputf8Undeclared(result))
        {
            // strict_smtputf8 answers 553 to an undeclared UTF-8 address without a reject line: the logged reject came
            // from a client that sent the parameter.
            probe = probe with { Smtputf8 = true };
            result = _simulator.Simulate(probe);
        }

        // A restriction that needs DNS or a policy service stops the simulation, but the logged reject shows how far the
        // real session got: replay it taking such restrictions not to decide, then either the reply is reproduced past
        // them, or one of them is the restriction whose answer the log shows (ExternalSource).
        TraceEntry? external = null;
        if (result.Decision == Decision.Unknown && reject.Command is not (LoggedCommand.Data or LoggedCommand.Other))
        {
            var assumed = _simulator.SimulateAssumingExternalDunno(probe);
            if (LoggedStageReply(reject, assumed) == reject.Reply)
            {
                result = assumed;
            }
            else if (ExternalSource(reject, assumed) is { } source)
            {
                result = assumed;
                external = source;
            }
        }

        var deciding = reject.Warning
            ? result.Trace.FirstOrDefault(t => t.Result == TraceResult.Warn && WarnedReply(t) == reject.Reply) ?? result.Trace.FirstOrDefault(t => t.Result == TraceResult.Warn)
            : external ?? TraceReading.Deciding(result);
        var simulated = external is not null ? null : reject.Warning ? WarnedReply(result, reject.Reply) : LoggedStageReply(reject, result);
        var (why, location) = Why(reject, deciding);
        var explanation = new LogExplanation(reject, service, result, simulated, $"{ShortReply(reject.Reply)}: {why}")
        {
            Location = location,
            Rules = RulesFor(deciding),
        };
        if (external is not null)
        {
            var reason = external.Notes.FirstOrDefault(n => n.StartsWith(RelaySimulator.ExternalAssumedNote, StringComparison.Ordinal))?[RelaySimulator.ExternalAssumedNote.Length..];
            return explanation with { Difference = $"the reply comes from {external.Restriction} ({external.List}), whose answer the simulator cannot know ({reason}); the log shows it refused" };
        }

        return explanation.Reproduced ? explanation : explanation with { Difference = Difference(reject, result, simulated) };
    }

    /// <summary>The simulated reply to the command the reject line names.</summary>
    private static string? LoggedStageReply(LoggedReject reject, SimulationResult result) => reject.Command switch
    {
        LoggedCommand.Connect => result.ConnectReply,
        LoggedCommand.Helo => result.HeloReply,
        LoggedCommand.Mail => result.MailFromReply,
        LoggedCommand.Rcpt => result.RcptReply,
        _ => null,
    };

    /// <summary>
    /// Among the restrictions taken not to decide in <paramref name="assumed"/>, the one whose answer the logged reply is:
    /// the first whose reply text is its own (smtpd_check.c: "blocked using DOMAIN", "Domain not found", "Host not found",
    /// "undeliverable address"), else the first whose reply could be any text (a policy service, a DNS-based access
    /// table); null when none fits.
    /// </summary>
    private static TraceEntry? ExternalSource(LoggedReject reject, SimulationResult assumed)
    {
        var candidates = assumed.Trace.Where(t => t.Notes.Any(n => n.StartsWith(RelaySimulator.ExternalAssumedNote, StringComparison.Ordinal))).ToList();
        return candidates.FirstOrDefault(t => OwnText(t.Restriction, reject.Reply) == true) ?? candidates.FirstOrDefault(t => OwnText(t.Restriction, reject.Reply) is null);
    }

    // True when the reply is the restriction's own text, false when it can't be its reply, null when it could say anything.
    private static bool? OwnText(string restriction, string reply)
    {
        var parts = restriction.Split(' ', 2);
        var word = parts[0].ToLowerInvariant();
        bool Has(string text) => reply.Contains(text, StringComparison.Ordinal);
        switch (word)
        {
            case "reject_unknown_sender_domain" or "reject_unknown_address":
                return Has("Sender address rejected: Domain not found") || Has("Sender address rejected: Malformed DNS server reply");
            case "reject_unknown_recipient_domain":
                return Has("Recipient address rejected: Domain not found") || Has("Recipient address rejected: Malformed DNS server reply");
            case "reject_unknown_helo_hostname" or "reject_unknown_hostname":
                return Has("Helo command rejected: Host not found") || Has("Helo command rejected: Malformed DNS server reply");
            case "reject_unverified_sender":
                return Has("Sender address rejected: undeliverable address") || Has("Sender address rejected: unverified address");
            case "reject_unverified_recipient":
                return Has("Recipient address rejected: undeliverable address") || Has("Recipient address rejected: unverified address");
            case "check_policy_service" or "reject_maps_rbl":
                return null;
            case var access when access.StartsWith("check_", StringComparison.Ordinal) && access.EndsWith("_access", StringComparison.Ordinal):
                return null;
        }

        if (RestrictionList.DnsxlRestrictions.Contains(word))
        {
            // "… blocked using zen.spamhaus.org"; the list may be written with a reply filter (zen.spamhaus.org=127.0.0.[2..11]).
            var domain = parts.Length > 1 ? parts[1].Split('=', 2)[0].Trim() : "";
            return domain.Length > 0 && (Has("blocked using " + domain + ";") || reply.EndsWith("blocked using " + domain, StringComparison.Ordinal));
        }

        return false;
    }

    /// <summary>The reply a <c>warn_if_reject</c> entry logged as <c>reject_warning</c>.</summary>
    private static string? WarnedReply(TraceEntry entry) =>
        entry.Notes.FirstOrDefault(n => n.StartsWith(CheckContext.WarnedNote, StringComparison.Ordinal))?[CheckContext.WarnedNote.Length..];

    /// <summary>The logged reply when some warned restriction logged exactly it, else the first warned reply; null when none warned.</summary>
    private static string? WarnedReply(SimulationResult result, string logged)
    {
        var warned = result.Trace.Where(t => t.Result == TraceResult.Warn).Select(WarnedReply).OfType<string>().ToList();
        return warned.Contains(logged, StringComparer.Ordinal) ? logged : warned.FirstOrDefault();
    }

    /// <summary>The reply's text without code, status and the address it is about: <c>Relay access denied</c>.</summary>
    internal static string ShortReply(string reply)
    {
        var text = reply.Length > 4 ? reply[4..] : reply;
        if (text.Length > 0 && char.IsDigit(text[0]) && text.IndexOf(' ') is > 0 and var space)
        {
            text = text[(space + 1)..];
        }

        if (text.StartsWith('<') && text.IndexOf(">: ", StringComparison.Ordinal) is > 0 and var end)
        {
            text = text[(end + 3)..];
        }

        return text;
    }

    private (string Why, string? Location) Why(LoggedReject reject, TraceEntry? deciding)
    {
        if (deciding is null)
        {
            return reject.Command == LoggedCommand.Data
                ? ("a DATA-stage restriction (smtpd_data_restrictions or smtpd_end_of_data_restrictions), which the simulator does not model", null)
                : ("no restriction of this configuration gives this reply", null);
        }

        var where = TraceReading.Short(deciding.Source);
        var word = deciding.Restriction.Split(' ', 2)[0].ToLowerInvariant();
        switch (word)
        {
            case "reject_unauth_destination" or "defer_unauth_destination":
                var mynetworks = _config.GetParameter("mynetworks")?.Provenance;
                var networksAt = mynetworks is { File: { } file, Line: > 0 } ? $"{Path.GetFileName(file)}:{mynetworks.Line}" : "default";
                return ($"not in mynetworks ({networksAt}), not authenticated, and the recipient's domain is not relayed here ({deciding.Restriction} in {deciding.List}, {where})",
                    mynetworks is { Line: > 0 } ? networksAt : where);
            case "reject_unknown_client_hostname" or "reject_unknown_reverse_client_hostname":
                return ($"the client has no valid reverse DNS name ({deciding.Restriction} in {deciding.List}, {where})", where);
            case "reject_unknown_sender_domain" or "reject_unknown_recipient_domain" or "reject_unknown_helo_hostname":
                return ($"the domain has no DNS address or MX record ({deciding.Restriction} in {deciding.List}, {where})", where);
            case "reject_non_fqdn_helo_hostname" or "reject_invalid_helo_hostname":
                return ($"the HELO name \"{reject.Helo}\" is not a valid fully-qualified hostname ({deciding.Restriction} in {deciding.List}, {where})", where);
            case "reject_non_fqdn_sender" or "reject_non_fqdn_recipient":
                return ($"the address is not fully qualified ({deciding.Restriction} in {deciding.List}, {where})", where);
            case "reject_unlisted_recipient" or "reject_unlisted_sender" or "reject_unverified_recipient" or "reject_unverified_sender":
                return ($"the address is not one this server knows ({deciding.Restriction} in {deciding.List}, {where})", where);
            case "reject_sender_login_mismatch" or "reject_authenticated_sender_login_mismatch" or "reject_known_sender_login_mismatch" or "reject_unauthenticated_sender_login_mismatch":
                return ($"the sender address belongs to a SASL login in smtpd_sender_login_maps that the client did not use ({deciding.Restriction} in {deciding.List}, {where})", where);
            case "reject_rbl_client" or "reject_rhsbl_client" or "reject_rhsbl_sender" or "reject_rhsbl_helo" or "reject_rhsbl_recipient" or "reject_rhsbl_reverse_client":
                return ($"a DNS block list lists it ({deciding.Restriction} in {deciding.List}, {where})", where);
            case "check_policy_service":
                return ($"the policy service decided ({deciding.Restriction} in {deciding.List}, {where})", where);
            case "reject" or "defer" or "defer_if_permit" or "defer_if_reject":
                return ($"an unconditional {word} in {deciding.List} ({where})", where);
        }

        if (deciding.TableEntry is { } entry)
        {
            var at = TraceReading.Short(entry);
            return ($"the entry at {at} of the table in {deciding.Restriction} ({deciding.List}, {where}) says so", at);
        }

        return ($"{deciding.Restriction} in {deciding.List} ({where})", where);
    }

    private ImmutableArray<string> RulesFor(TraceEntry? deciding)
    {
        if (deciding is null)
        {
            return [];
        }

        var word = deciding.Restriction.Split(' ', 2)[0].ToLowerInvariant();
        string[] candidates = word switch
        {
            "reject_unauth_destination" or "defer_unauth_destination" => ["PFL106", "PFL109", "PFL111", "PFL203", "PFL208", "PFL503"],
            "reject_sender_login_mismatch" or "reject_authenticated_sender_login_mismatch" or "reject_known_sender_login_mismatch" or "reject_unauthenticated_sender_login_mismatch"
                => ["PFL207", "PFL405", "PFL406", "PFL407", "PFL504"],
            "reject" or "defer" => ["PFL204"],
            _ when deciding.TableEntry is not null || word.StartsWith("check_", StringComparison.Ordinal) => ["PFL401", "PFL403", "PFL404", "PFL408", "PFL409"],
            _ => [],
        };
        if (candidates.Length == 0)
        {
            return [];
        }

        return [.. _findings.Value
            .Where(f => candidates.Contains(f.Id, StringComparer.Ordinal))
            .Select(f => f.Id)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(id => RuleRegistry.Find(id)?.ToString() ?? id)];
    }

    private static string Difference(LoggedReject reject, SimulationResult result, string? simulated)
    {
        if (reject.Command is LoggedCommand.Data or LoggedCommand.Other)
        {
            return $"{reject.Command.ToString().ToUpperInvariant()} is not simulated: the simulator ends at RCPT TO";
        }

        switch (result.Decision)
        {
            case Decision.Unknown:
                return $"the simulated answer depends on a run-time source: {result.UnknownReason}";
            case Decision.Error:
                return $"no simulated session: {result.Error}; the configuration has probably changed since the line was logged";
        }

        var earlier = reject.Command switch
        {
            LoggedCommand.Rcpt when result.RcptReply is null => result.MailFromReply ?? result.HeloReply ?? result.ConnectReply,
            LoggedCommand.Mail when result.MailFromReply is null => result.HeloReply ?? result.ConnectReply,
            _ => null,
        };
        if (earlier is not null)
        {
            return $"the simulated session is refused earlier: {earlier}";
        }

        var likely = reject.Reply.Contains("blocked using", StringComparison.Ordinal) || reject.Reply.Contains("hostname", StringComparison.Ordinal)
            ? "a DNS answer (block list, reverse name) differs from the simulator's view"
            : "the configuration changed since the line was logged, the client authenticated or used TLS, DNS answered differently, or a policy service decided";
        return simulated is null
            ? $"the simulated session gets no reply to {reject.Command.ToString().ToUpperInvariant()}; likely reason: {likely}"
            : simulated[0] == '2'
                ? $"the simulator accepts ({simulated}); likely reason: {likely}"
                : $"the simulator replies {simulated}; likely reason: {likely}";
    }

    private Dictionary<string, string> BuildServices()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in _config.Services.Where(s => s.Type == "inet" && Path.GetFileName(s.Command) is "smtpd" or "postscreen"))
        {
            var settings = new ListenerSettings(_config, service);
            var name = settings.Override("syslog_name") is { } definition && definition.Value.Contains("service_name", StringComparison.Ordinal)
                ? definition.Value.Replace("${service_name}", service.Name, StringComparison.Ordinal).Replace("$service_name", service.Name, StringComparison.Ordinal)
                : settings.Get("syslog_name");

            // The stock smtp service wins over other services that log under the same name.
            var port = service.Name[(service.Name.LastIndexOf(':') + 1)..];
            if (!map.ContainsKey(name) || port is "smtp" or "25")
            {
                // Behind postscreen the session continues in the "smtpd pass" service, which the simulator finds itself.
                map[name] = service.Name;
            }
        }

        return map;
    }
}
