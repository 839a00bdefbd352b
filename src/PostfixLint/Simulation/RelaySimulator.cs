using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using PostfixLint.Model;
using PostfixLint.Model.Values;
using PostfixLint.Simulation.Checks;

namespace PostfixLint.Simulation;

/// <summary>Answers "what would Postfix 3.7's smtpd reply to this client and envelope, and why?" from a configuration alone.</summary>
/// <remarks>
/// Meant for batch use, so what does not depend on the probe is cached across probes: the lookup tables (one per
/// table the configuration names) and, per master.cf listener, its expanded settings, parsed restriction lists and
/// classes, start-up check and address classifier (whose resolved-address cache is bounded). Every cache is bounded
/// by the configuration, never grows with the number of probes beyond that bound, and is safe under concurrent
/// readers; the simulator itself keeps no per-probe state, but its listener table is not synchronized, so use one
/// instance per thread.
/// </remarks>
public sealed class RelaySimulator
{
    private readonly PostfixConfig _config;
    private readonly SimulatorOptions _options;
    private readonly TableSet _tables;

    // Batch mode: a listener's effective settings, its address classifier (with its resolve cache) and its start-up
    // check do not depend on the probe, so they are built once per listener instead of once per probe.
    private readonly Dictionary<string, Listener> _listeners = new(StringComparer.Ordinal);

    // smtpd.c rcpt_cmd(): Postfix 3.7's reply to "RCPT TO:<>" (checked on the real instance).
    private const string EmptyRecipientReply = "501 5.1.3 Bad recipient address syntax";
    private const string Smtputf8Required = "553 5.6.7 Must declare SMTPUTF8 to send unicode address";

    /// <summary>Creates a simulator over <paramref name="config"/>.</summary>
    public RelaySimulator(PostfixConfig config, SimulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _options = options ?? new SimulatorOptions();
        _tables = new TableSet(config, _options);
    }

    /// <summary>Simulates one SMTP session: connect, EHLO, optional AUTH, MAIL FROM and RCPT TO.</summary>
    public SimulationResult Simulate(Probe probe) => Simulate(probe, assumeExternalDunno: false);

    /// <summary>
    /// Simulates <paramref name="probe"/> taking every restriction that needs DNS or a policy service not to decide
    /// (<see cref="SessionFacts.AssumeExternalDunno"/>), each noted on its trace entry with <see cref="ExternalAssumedNote"/>.
    /// </summary>
    internal SimulationResult SimulateAssumingExternalDunno(Probe probe) => Simulate(probe, assumeExternalDunno: true);

    /// <summary>The start of the note on a trace entry whose DNS or policy answer was assumed not to decide.</summary>
    internal const string ExternalAssumedNote = "assumed not to decide: ";

    private SimulationResult Simulate(Probe probe, bool assumeExternalDunno)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var notes = new List<string>();
        var result = new SimulationResult(probe, Decision.Error, SmtpStage.Connect);

        if (!TryParseClient(probe.Client, out var clientAddress))
        {
            return result with { Error = $"bad client address: \"{probe.Client}\"", Notes = [$"\"{probe.Client}\" is not an IPv4 or IPv6 address"] };
        }

        if (!_config.IsUsable)
        {
            var fatal = _config.Messages.FirstOrDefault(m => m.Severity == Diagnostics.DiagnosticSeverity.Fatal);
            return result with { Error = fatal?.Message ?? "the configuration cannot be read", Notes = ["Postfix cannot read this configuration: no daemon starts"] };
        }

        var (service, listenerError) = FindListener(probe.Service, notes);
        if (listenerError is not null)
        {
            return result with { Error = listenerError, Notes = [.. notes] };
        }

        var listenerKey = service is null ? "" : $"{service.Name}\n{service.Line}";
        if (!_listeners.TryGetValue(listenerKey, out var listener))
        {
            listener = new Listener(_config, service, _tables);
            _listeners[listenerKey] = listener;
        }

        var settings = listener.Settings;
        if (service is not null)
        {
            foreach (var definition in service.Overrides)
            {
                notes.Add($"-o {definition.Name}={definition.Value} ({_config.MasterCfPath}:{service.Line}) overrides main.cf for this listener");
            }
        }

        // smtpd_peer.c: an IPv4-mapped IPv6 client becomes plain IPv4 when IPv4 is enabled.
        var protocols = settings.Get("inet_protocols").ToLowerInvariant();
        var ipv4 = protocols.Contains("all", StringComparison.Ordinal) || protocols.Contains("ipv4", StringComparison.Ordinal);
        var ipv6 = protocols.Contains("all", StringComparison.Ordinal) || protocols.Contains("ipv6", StringComparison.Ordinal);
        if (clientAddress.IsIPv4MappedToIPv6 && ipv4)
        {
            clientAddress = clientAddress.MapToIPv4();
            notes.Add($"the IPv4-mapped client {probe.Client} is seen as {clientAddress}");
        }

        if (!_options.AssumeReachable && Unreachable(settings, service, clientAddress, ipv4, ipv6, _options.ServerAddress) is { } unreachable)
        {
            // Not a refusal by smtpd: the client never gets a TCP connection, so there is no reply at all.
            notes.Add(unreachable.Reason);
            var entry = new TraceEntry("connect", unreachable.Binding, TraceResult.Reject, unreachable.Source) { Notes = [unreachable.Reason] };
            return result with { Decision = Decision.Unreachable, Reachability = unreachable.Reason, Trace = [entry], Notes = [.. notes] };
        }

        var session = OpenSession(probe, settings, clientAddress, notes) with { AssumeExternalDunno = assumeExternalDunno };
        var startup = listener.Startup;
        notes.AddRange(startup.Notes);
        if (startup.Error is { } startupError)
        {
            return result with { Error = startupError, Notes = [.. notes] };
        }

        if (SaslActivationFailure(settings, session, notes) is { } saslFatal)
        {
            return result with { Error = saslFatal.Message, Warnings = [.. saslFatal.Warnings], Notes = [.. notes] };
        }

        return Converse(result, probe, listener, session, notes);
    }

    /// <summary>
    /// smtpd.c: SASL is activated after the greeting (no TLS, smtpd_tls_auth_only off, with smtpd_sasl_security_options)
    /// and again after the TLS handshake (with smtpd_sasl_tls_security_options); with no mechanism left smtpd exits
    /// (smtpd_sasl_activate(): msg_fatal), so the client loses the connection. Null when every activation keeps one.
    /// </summary>
    private static (string Message, IReadOnlyList<string> Warnings)? SaslActivationFailure(ListenerSettings settings, SessionFacts session, List<string> notes)
    {
        if (!session.SaslEnabled)
        {
            return null;
        }

        var wrapper = settings.GetBool("smtpd_tls_wrappermode");
        var tlsAuthOnly = settings.GetBool("smtpd_tls_auth_only") || EnforcesTls(settings);
        var stages = new List<(string Parameter, string When)>();
        if (!wrapper && !tlsAuthOnly)
        {
            stages.Add(("smtpd_sasl_security_options", "after the greeting"));
        }

        if (session.Tls)
        {
            stages.Add(("smtpd_sasl_tls_security_options", wrapper ? "after the TLS handshake, before the greeting" : "after STARTTLS"));
        }

        foreach (var (parameter, when) in stages)
        {
            var filtering = SaslMechanisms.Filtering(settings, parameter);
            if (filtering.Count == 0)
            {
                continue;
            }

            notes.Add($"{settings.Describe(parameter)}: {string.Join(", ", filtering)} leaves no SASL mechanism (assuming PLAIN and LOGIN), so smtpd exits {when} (\"fatal: {SaslMechanisms.NoMechanisms}\") and the client loses the connection");
            var warnings = settings.Get("smtpd_sasl_type").Trim().Equals("dovecot", StringComparison.OrdinalIgnoreCase)
                ? Array.Empty<string>()
                : ["xsasl_cyrus_server_get_mechanism_list: no applicable SASL mechanisms"];
            return (SaslMechanisms.NoMechanisms, warnings);
        }

        return null;
    }

    /// <summary>smtpd's TLS requirement on this listener (wrapper mode, <c>smtpd_enforce_tls</c> or security level <c>encrypt</c>).</summary>
    private static bool EnforcesTls(ListenerSettings settings) =>
        settings.GetBool("smtpd_tls_wrappermode") || settings.GetBool("smtpd_enforce_tls")
        || settings.Get("smtpd_tls_security_level").Equals("encrypt", StringComparison.OrdinalIgnoreCase);

    /// <summary>What smtpd knows about the client for the session: name, address, TLS and whether its login counts.</summary>
    private static SessionFacts OpenSession(Probe probe, ListenerSettings settings, IPAddress clientAddress, List<string> notes)
    {
        var saslEnabled = settings.GetBool("smtpd_sasl_auth_enable");
        var enforceTls = EnforcesTls(settings);
        var tls = probe.Tls ?? enforceTls;
        var tlsAuthOnly = settings.GetBool("smtpd_tls_auth_only") || enforceTls;
        var saslActive = saslEnabled && (tls || !tlsAuthOnly);
        if (probe.SaslLogin is not null && !saslEnabled)
        {
            notes.Add($"the client cannot authenticate as {probe.SaslLogin}: SASL is not enabled on this listener ({settings.Describe("smtpd_sasl_auth_enable")})");
        }
        else if (probe.SaslLogin is not null && !saslActive)
        {
            notes.Add($"the client cannot authenticate as {probe.SaslLogin} without TLS: smtpd_tls_auth_only is in effect");
        }

        // XCLIENT LOGIN / AUTH: a login only counts where AUTH works (smtpd_sasl_glue.c).
        // A login announced with XCLIENT LOGIN (a probe without EHLO: the harness's convention, or a front-end proxy) needs
        // no AUTH command: under smtpd_tls_auth_only without TLS smtpd still has the name (the *_sender_login_mismatch
        // checks see it), but the SASL server is not active, so permit_sasl_authenticated does not match (both seen on the
        // real instance).
        var xclientLogin = probe.Helo is null && probe.SaslLogin is not null;
        var login = saslActive || (xclientLogin && saslEnabled) ? probe.SaslLogin : null;
        if (login is not null && !xclientLogin && CyrusRealm(settings) is { } realm && !login.Contains('@', StringComparison.Ordinal))
        {
            // Cyrus canonicalises a bare AUTH name with the server's user realm, smtpd_sasl_local_domain (passed as user_realm
            // by xsasl_cyrus_server_create()); smtpd then knows the client as name@realm (real instance). XCLIENT LOGIN
            // sets the name directly, and Dovecot ignores the realm.
            notes.Add($"Cyrus SASL appends the realm of {settings.Describe("smtpd_sasl_local_domain")}: smtpd knows the client as {login}@{realm}");
            login = $"{login}@{realm}";
        }

        // smtpd.c xclient_cmd() / smtpd_peer.c: the client name is kept as given (replies show "HOST.Example.NET[addr]");
        // matching folds case itself (match_list casefold(), DICT_FLAG_FOLD_FIX tables, case-insensitive regexp/pcre).
        var name = string.IsNullOrEmpty(probe.ClientName) ? "unknown" : probe.ClientName;
        return new SessionFacts(name, AddressText(clientAddress), clientAddress, login, saslActive, saslEnabled, tls)
        {
            ClientCert = PresentedCertificate(probe, settings, tls, notes),
        };
    }

    /// <summary>smtpd_sasl_local_domain as Cyrus's user realm; null when it is empty (REALM_OR_NULL()) or the SASL type is not Cyrus.</summary>
    private static string? CyrusRealm(ListenerSettings settings)
    {
        if (!settings.Get("smtpd_sasl_type").Trim().Equals("cyrus", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var realm = settings.Get("smtpd_sasl_local_domain").Trim();
        return realm.Length == 0 ? null : realm;
    }

    /// <summary>
    /// The client certificate smtpd sees: tls_server.c asks for one (SSL_VERIFY_PEER) only under smtpd_tls_ask_ccert, and
    /// its verify callback accepts an unverified one (the session goes on, TLS_CERT_IS_TRUSTED() is false).
    /// </summary>
    private static ClientCertificate? PresentedCertificate(Probe probe, ListenerSettings settings, bool tls, List<string> notes)
    {
        if (string.IsNullOrEmpty(probe.ClientCert))
        {
            return null;
        }

        if (!tls)
        {
            notes.Add("the client certificate is not presented: the session does not use TLS");
            return null;
        }

        if (!settings.GetBool("smtpd_tls_ask_ccert"))
        {
            notes.Add($"the client certificate is not presented: smtpd does not ask for one ({settings.Describe("smtpd_tls_ask_ccert")})");
            return null;
        }

        return new ClientCertificate(probe.ClientCert, probe.ClientCertPkey, probe.ClientCertCommonName ?? "", probe.ClientCertVerified);
    }

    /// <summary>The SMTP dialogue after the greeting: client and HELO checks (without delayed rejects), MAIL FROM, RCPT TO.</summary>
    private SimulationResult Converse(SimulationResult result, Probe probe, Listener listener, SessionFacts session, List<string> notes)
    {
        var settings = listener.Settings;
        var evaluator = new RestrictionEvaluator(listener, _tables, session);
        var delayReject = settings.GetBool("smtpd_delay_reject");
        string? connectReply = null;
        string? heloReply = null;

        // smtpd.c ehlo_cmd(): the name smtpd keeps (and restrictions and replies show) is printable(name, '?').
        var helo = probe.Helo is null ? null : CheckContext.Printable(probe.Helo, settings.GetBool("smtputf8_enable"), '?');
        using var tableWarnings = Model.Tables.TableWarnings.Collect(evaluator.TableWarnings);
        try
        {
            if (!delayReject)
            {
                // smtpd.c smtpd_proto(), ehlo_cmd(): the connect and EHLO checks run before AUTH, so only a login
                // announced with XCLIENT LOGIN (a probe without EHLO) is known to them.
                var authLogin = probe.Helo is not null && session.SaslUsername is not null;
                if (authLogin)
                {
                    evaluator.Session = session with { SaslUsername = null };
                }

                connectReply = evaluator.CheckClient();
                if (connectReply is null && helo is not null)
                {
                    heloReply = evaluator.CheckHelo(helo);
                    if (heloReply is not null)
                    {
                        notes.Add("the HELO restrictions refused the greeting: the session continues without a HELO name");
                        helo = null;
                    }
                }

                // A client whose EHLO was refused was offered no STARTTLS: it goes on in plain text (seeds 20084, 20726).
                if (heloReply is not null && session.Tls && !settings.GetBool("smtpd_tls_wrappermode"))
                {
                    notes.Add("the refused EHLO offered no STARTTLS: the session goes on without TLS");
                    session = OpenSession(probe with { Tls = false }, settings, session.IpAddress, notes);
                }

                // smtpd_sasl_proto.c: after a refused EHLO, smtpd_helo_required makes AUTH fail, so the login never counts.
                if (authLogin && heloReply is not null && settings.GetBool("smtpd_helo_required") && session.SaslUsername is not null)
                {
                    notes.Add($"AUTH is refused without a HELO name (smtpd_helo_required): the client is not authenticated as {probe.SaslLogin}");
                    session = session with { SaslUsername = null };
                }

                evaluator.Session = session;
            }

            evaluator.HeloName = helo;
            var smtputf8 = Smtputf8Session(probe, settings, notes);
            evaluator.Smtputf8 = smtputf8;
            if (connectReply is not null)
            {
                // smtpd.c smtpd_proto(): the refusal goes out before the 220 banner, so the client reads it as the greeting
                // and has nothing more to say (a client that went on would get 503 for every command but QUIT).
                notes.Add("smtpd_delay_reject = no: the client restrictions refused the connection before the greeting");
                return Chat(result with { ConnectReply = connectReply, Stage = SmtpStage.Connect }, DecisionOf(connectReply));
            }

            result = result with { AuthReply = AuthReply(probe, settings, session, heloReply) };

            string? mailReply = null;
            if (EnforcesTls(settings) && !session.Tls)
            {
                mailReply = "530 5.7.0 Must issue a STARTTLS command first";
            }
            else if (settings.GetBool("smtpd_helo_required") && helo is null)
            {
                mailReply = "503 5.5.1 Error: send HELO/EHLO first";
            }
            else if (AddressSyntaxRefusal(probe.Sender, listener, smtputf8) is { } badSender)
            {
                notes.Add(badSender);
                mailReply = "501 5.1.7 Bad sender address syntax";
            }
            else if (probe.Smtputf8 && !smtputf8)
            {
                // smtpd.c mail_cmd(): the parameter loop runs after extract_addr(); SMTPUTF8 is only known while enabled.
                mailReply = "555 5.5.4 Unsupported option: SMTPUTF8";
            }
            else if (!delayReject)
            {
                mailReply = evaluator.CheckMail(AddressClassifier.Internalize(probe.Sender));
            }

            // smtpd.c mail_cmd(): the strict_smtputf8 test comes after smtpd_check_mail() (smtpd_delay_reject = no).
            if (mailReply is null && MustDeclareSmtputf8(probe.Sender, settings, smtputf8) is { } undeclaredSender)
            {
                notes.Add(undeclaredSender);
                mailReply = Smtputf8Required;
            }

            if (mailReply is not null)
            {
                return Chat(result with { ConnectReply = connectReply, HeloReply = heloReply, MailFromReply = mailReply, Stage = connectReply is null ? SmtpStage.Mail : SmtpStage.Connect }, DecisionOf(mailReply));
            }

            // smtpd extract_addr(): restrictions see the internal form (angle brackets and quotes removed).
            evaluator.Sender = AddressClassifier.Internalize(probe.Sender);
            var recipient = AddressClassifier.Internalize(probe.Recipient);
            if (recipient.Length == 0)
            {
                // smtpd.c rcpt_cmd(): an empty address is refused before any restriction runs ("RCPT TO:<>").
                notes.Add("RCPT TO:<> is not a recipient: smtpd refuses it before the restrictions (\"Illegal address syntax ... in RCPT command: <>\")");
                return Chat(result with { HeloReply = heloReply, MailFromReply = "250 2.1.0 Ok", RcptReply = EmptyRecipientReply, Stage = SmtpStage.Rcpt }, Decision.Reject);
            }

            if (AddressSyntaxRefusal(probe.Recipient, listener, smtputf8) is { } badRecipient)
            {
                notes.Add(badRecipient);
                return Chat(result with { HeloReply = heloReply, MailFromReply = "250 2.1.0 Ok", RcptReply = "501 5.1.3 Bad recipient address syntax", Stage = SmtpStage.Rcpt }, Decision.Reject);
            }

            if (MustDeclareSmtputf8(probe.Recipient, settings, smtputf8) is { } undeclared)
            {
                notes.Add(undeclared);
                return Chat(result with { HeloReply = heloReply, MailFromReply = "250 2.1.0 Ok", RcptReply = Smtputf8Required, Stage = SmtpStage.Rcpt }, Decision.Reject);
            }

            var rcptReply = evaluator.CheckRcpt(recipient, delayReject) ?? "250 2.1.5 Ok";
            return Chat(result with { HeloReply = heloReply, MailFromReply = "250 2.1.0 Ok", RcptReply = rcptReply, Stage = SmtpStage.Rcpt }, DecisionOf(rcptReply));
        }
        catch (SmtpdCrash crash)
        {
            var stage = evaluator.Recipient is not null ? SmtpStage.Rcpt : evaluator.Sender is not null || delayReject ? SmtpStage.Mail : SmtpStage.Connect;
            notes.Add("master logs: warning: process smtpd killed by signal 11; the client's connection is dropped");
            return Finish(result with { Stage = stage, Error = crash.Message }, Decision.Error, evaluator, notes);
        }
        catch (UnknownOutcome unknown)
        {
            var stage = evaluator.Recipient is not null ? SmtpStage.Rcpt : evaluator.Sender is not null || delayReject ? SmtpStage.Mail : SmtpStage.Connect;
            return Finish(result with
            {
                Stage = stage,
                UnknownReason = unknown.Message,
                MailFromReply = stage == SmtpStage.Rcpt ? "250 2.1.0 Ok" : null,
            }, Decision.Unknown, evaluator, notes);
        }

        // Every reply leaves through vsmtpd_chat_reply() (footer, soft_bounce); the first refused command decides, as
        // for the client: a refused EHLO (smtpd_delay_reject = no) even when MAIL FROM and RCPT TO go on without it.
        SimulationResult Chat(SimulationResult shaped, Decision decision)
        {
            var accepted = shaped.MailFromReply is ['2', ..] ? AddressClassifier.Internalize(probe.Sender) : null;
            string? Out(string? reply, string? heloName, string? sender) =>
                reply is null ? null : SmtpdChat.Reply(reply, settings, SmtpdChat.Macros(settings, session, heloName, sender));
            shaped = shaped with
            {
                ConnectReply = Out(shaped.ConnectReply, null, null),
                HeloReply = Out(shaped.HeloReply, null, null),
                AuthReply = Out(shaped.AuthReply, helo, null),
                MailFromReply = Out(shaped.MailFromReply, helo, null),
                RcptReply = Out(shaped.RcptReply, helo, accepted),
            };
            if (shaped.HeloReply is { } refusedHelo && shaped.Stage != SmtpStage.Connect)
            {
                notes.Add($"the EHLO refusal decides the session: {refusedHelo}");
                shaped = shaped with { Stage = SmtpStage.Helo };
            }

            var deciding = shaped.Stage switch
            {
                SmtpStage.Rcpt => shaped.RcptReply,
                SmtpStage.Mail => shaped.MailFromReply,
                SmtpStage.Helo => shaped.HeloReply,
                _ => shaped.ConnectReply ?? shaped.MailFromReply,
            };
            return Finish(shaped, deciding is null ? decision : DecisionOf(deciding), evaluator, notes);
        }
    }

    /// <summary>
    /// The reply to <c>AUTH</c>, which a client that logs in sends after its EHLO; null when it sends none (no login or
    /// no EHLO: the harness then announces the login with XCLIENT).
    /// </summary>
    private static string? AuthReply(Probe probe, ListenerSettings settings, SessionFacts session, string? heloReply)
    {
        if (probe.SaslLogin is null || probe.Helo is null)
        {
            return null;
        }

        // smtpd.c smtpd_proto(): an enforced-TLS listener answers 530 to every command that needs TLS first;
        // smtpd_sasl_proto.c smtpd_sasl_auth_cmd(): without active SASL (disabled, or smtpd_tls_auth_only before
        // STARTTLS) AUTH is "not enabled".
        if (EnforcesTls(settings) && !session.Tls)
        {
            return "530 5.7.0 Must issue a STARTTLS command first";
        }

        // smtpd_sasl_proto.c smtpd_sasl_auth_cmd(): after a refused EHLO smtpd has no HELO name; only
        // smtpd_helo_required makes that an error, else AUTH goes on as usual.
        if (heloReply is not null && settings.GetBool("smtpd_helo_required"))
        {
            return "503 5.5.1 Error: send HELO/EHLO first";
        }

        return session.SaslActive ? "235 2.7.0 Authentication successful" : "503 5.5.1 Error: authentication not enabled";
    }

    /// <summary>
    /// smtpd.c extract_addr() on an envelope address sent as <c>&lt;address&gt;</c>: tok822_parse() splits unquoted
    /// white space into several addresses (always refused: <c>naddr &gt; 1</c>), and a comment or angle bracket is text
    /// outside the address (<c>non_addr</c>, refused under strict_rfc821_envelopes). Null when the syntax is accepted;
    /// else the note, smtpd then logs "Illegal address syntax from ... in MAIL/RCPT command".
    /// </summary>
    private static string? IllegalAddressSyntax(string address, ListenerSettings settings)
    {
        return NonAddressText(address) switch
        {
            ' ' => $"<{address}> has unquoted white space: smtpd sees more than one address and refuses the command (\"Illegal address syntax\")",
            char other when settings.GetBool("strict_rfc821_envelopes") =>
                $"strict_rfc821_envelopes = yes ({settings.Origin("strict_rfc821_envelopes")}): \"{other}\" in <{address}> is not RFC 821 address syntax (\"Illegal address syntax\")",
            _ => null,
        };
    }

    /// <summary>
    /// smtpd.c mail_cmd(): the SMTPUTF8 parameter counts only while <c>smtputf8_enable</c> is on and SMTPUTF8 is not a
    /// discarded EHLO keyword (<c>ehlo_discard_mask</c>); otherwise it is an unknown parameter, refused with 555.
    /// </summary>
    private static bool Smtputf8Session(Probe probe, ListenerSettings settings, List<string> notes)
    {
        if (!probe.Smtputf8)
        {
            return false;
        }

        if (!settings.GetBool("smtputf8_enable"))
        {
            notes.Add($"{settings.Describe("smtputf8_enable")}: EHLO does not offer SMTPUTF8 and smtpd refuses the MAIL FROM parameter (\"555 5.5.4 Unsupported option: SMTPUTF8\")");
            return false;
        }

        // smtpd.c: ehlo_discard_mask comes from smtpd_discard_ehlo_keyword_address_maps (looked up with the client
        // address at connect) or else smtpd_discard_ehlo_keywords; only the latter is modelled.
        if (PostfixList.Split(settings.Get("smtpd_discard_ehlo_keywords")).Any(e => e.Text.Equals("smtputf8", StringComparison.OrdinalIgnoreCase)))
        {
            notes.Add($"{settings.Describe("smtpd_discard_ehlo_keywords")}: EHLO does not offer SMTPUTF8 and smtpd refuses the MAIL FROM parameter (\"555 5.5.4 Unsupported option: SMTPUTF8\")");
            return false;
        }

        if (settings.Get("smtpd_discard_ehlo_keyword_address_maps").Trim().Length > 0)
        {
            notes.Add($"smtpd_discard_ehlo_keyword_address_maps is not looked up: assuming it does not discard SMTPUTF8 for {probe.Client}");
        }

        notes.Add("EHLO offers SMTPUTF8 and the client sends MAIL FROM ... SMTPUTF8: UTF-8 domains are allowed in this transaction");
        return true;
    }

    /// <summary>
    /// Why smtpd's extract_addr() refuses an address before any restriction (smtpd answers 501 "Bad … address syntax"):
    /// its own syntax tests, then smtpd_check_addr() on the resolved form (a non-ASCII domain, RESOLVE_FLAG_ERROR). Null
    /// when it passes.
    /// </summary>
    private string? AddressSyntaxRefusal(string address, Listener listener, bool smtputf8) =>
        IllegalAddressSyntax(address, listener.Settings) ?? BadDomain(address, listener.Settings, smtputf8) ?? ResolveError(address, listener);

    /// <summary>
    /// smtpd_check.c smtpd_check_addr(), called by extract_addr(): trivial-rewrite flags the resolved address as a syntax
    /// error (RESOLVE_FLAG_ERROR) when its domain is no valid host name or address literal, e.g. <c>user@127.0.0.1</c>
    /// without resolve_numeric_domain or <c>user@[300.1.1.1]</c>. The null sender is not checked. Null when it resolves.
    /// </summary>
    private static string? ResolveError(string address, Listener listener)
    {
        var internalForm = AddressClassifier.Internalize(address);
        if (internalForm.Length == 0)
        {
            return null;
        }

        var resolved = listener.Classifier.Resolve(internalForm);
        return resolved.SyntaxError
            ? $"trivial-rewrite resolves <{internalForm}> to {resolved.Address}, whose domain is no valid host name or address literal (RESOLVE_FLAG_ERROR): smtpd refuses it (\"Illegal address syntax\")"
            : null;
    }

    /// <summary>
    /// smtpd_check.c smtpd_check_addr(), called by extract_addr(), on an address with a non-ASCII domain. Without the
    /// SMTPUTF8 parameter such a domain is refused ("Postfix &lt; 3.0 trivial-rewrite" compatibility), whatever
    /// smtputf8_enable says. With it, trivial-rewrite's resolve.c must accept the domain:
    /// <c>valid_utf8_hostname(var_smtputf8_enable, domain)</c> with trivial-rewrite's own (main.cf) smtputf8_enable,
    /// which converts the name with midna_domain_to_ascii(). The local part may be 8-bit. Null when the domain passes.
    /// </summary>
    private string? BadDomain(string address, ListenerSettings settings, bool smtputf8)
    {
        var internalForm = AddressClassifier.Internalize(address);
        var at = internalForm.LastIndexOf('@');
        if (at < 0 || at + 1 >= internalForm.Length || System.Text.Ascii.IsValid(internalForm.AsSpan(at + 1)))
        {
            return null;
        }

        // resolve.c: one trailing dot is stripped before the domain is checked (as it is for ASCII names).
        var domain = HostSyntax.DupIfTruncate(internalForm[(at + 1)..]);
        if (!_tables.Utf8)
        {
            return $"trivial-rewrite runs with smtputf8_enable = no (main.cf): the domain of <{internalForm}> is not a valid host name, so the address does not resolve (\"Illegal address syntax\")";
        }

        if (MidnaDomain.ToAscii(domain) is null)
        {
            return $"the domain of <{internalForm}> does not convert to an ASCII (IDNA) name, so trivial-rewrite does not resolve it (\"Illegal address syntax\")";
        }

        // smtpd_resolve.c resolve_pagein() casefolds the resolved address (with ICU while smtpd's smtputf8_enable is on),
        // and smtpd_check_addr() tests that form: a domain that folds to ASCII (straße → strasse) passes.
        if (!smtputf8 && !(settings.GetBool("smtputf8_enable") && System.Text.Ascii.IsValid(Syntax.Tables.TableText.FoldUnicode(domain))))
        {
            return $"the domain of <{internalForm}> is not ASCII and the client did not send MAIL FROM ... SMTPUTF8: smtpd refuses it (\"Illegal address syntax\")";
        }

        return null;
    }

    /// <summary>
    /// smtpd.c mail_cmd() / rcpt_cmd(): with strict_smtputf8 = yes an 8-bit address (a UTF-8 local part) from a client
    /// that did not send the SMTPUTF8 parameter gets <c>553 5.6.7</c> (after smtpd_check_mail() with
    /// smtpd_delay_reject = no; before the recipient restrictions). Null otherwise.
    /// </summary>
    private static string? MustDeclareSmtputf8(string address, ListenerSettings settings, bool smtputf8)
    {
        var internalForm = AddressClassifier.Internalize(address);
        return !smtputf8 && internalForm.Length > 0 && !System.Text.Ascii.IsValid(internalForm) && settings.GetBool("strict_smtputf8")
            ? $"strict_smtputf8 = yes ({settings.Origin("strict_smtputf8")}): <{internalForm}> is not ASCII and the client did not send the SMTPUTF8 parameter"
            : null;
    }

    /// <summary>The first unquoted character that is not address syntax (white space as <c>' '</c>, or <c>( &lt; &gt;</c>); null when none.</summary>
    private static char? NonAddressText(string address)
    {
        var text = address.Trim();
        if (text.StartsWith('<') && text.EndsWith('>'))
        {
            text = text[1..^1];
        }

        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\\' && quoted)
            {
                i++;
            }
            else if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && ch is ' ' or '\t')
            {
                return ' ';
            }
            else if (!quoted && ch is '(' or '<' or '>')
            {
                return ch;
            }
        }

        return null;
    }

    private static SimulationResult Finish(SimulationResult result, Decision decision, RestrictionEvaluator evaluator, List<string> notes) =>
        result with
        {
            Decision = decision,
            Trace = [.. evaluator.Trace],
            Warnings = [.. evaluator.Warnings, .. evaluator.TableWarnings.Except(evaluator.Warnings)],
            Notes = [.. notes, .. evaluator.SessionNotes],
        };

    private static Decision DecisionOf(string reply) => reply[0] switch
    {
        '2' => Decision.Accept,
        '4' => Decision.Defer,
        _ => Decision.Reject,
    };

    private static bool TryParseClient(string text, out IPAddress address)
    {
        var bare = text.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase) ? text[5..] : text;
        bare = bare.Trim('[', ']');
        if (IPAddress.TryParse(bare, out var parsed) && (parsed.AddressFamily == AddressFamily.InterNetworkV6 || bare.Count(c => c == '.') == 3))
        {
            address = parsed;
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    private static string AddressText(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? address.ToString().ToLowerInvariant() : address.ToString();

    private (MasterService? Service, string? Error) FindListener(string requested, List<string> notes)
    {
        if (_config.MasterCf is null)
        {
            notes.Add("no master.cf: assuming Postfix's stock \"smtp inet ... smtpd\" listener on port 25 without overrides");
            return requested is "smtp" or "25" ? (null, null) : (null, $"no master.cf: there is no \"{requested}\" listener");
        }

        var ports = requested.ToLowerInvariant() switch
        {
            "smtp" or "25" => new[] { "smtp", "25" },
            "submission" or "587" => ["submission", "587"],
            "smtps" or "submissions" or "465" => ["smtps", "submissions", "465"],
            _ => [],
        };
        MasterService? found = null;
        foreach (var service in _config.Services.Where(s => s.Type == "inet"))
        {
            var port = service.Name.Contains(':', StringComparison.Ordinal) ? service.Name[(service.Name.LastIndexOf(':') + 1)..] : service.Name;
            if (service.Name == requested || ports.Contains(port))
            {
                found = service;
                break;
            }
        }

        if (found is null)
        {
            var listeners = _config.Services.Where(s => s.Type == "inet" && CommandName(s) is "smtpd" or "postscreen").Select(s => s.Name).ToList();
            return (null, $"no listener for \"{requested}\" in {_config.MasterCfPath} (inet smtpd services: {(listeners.Count == 0 ? "none" : string.Join(", ", listeners))})");
        }

        var command = CommandName(found);
        if (command == "postscreen")
        {
            var pass = _config.Services.FirstOrDefault(s => s.Type == "pass" && CommandName(s) == "smtpd");
            notes.Add($"{found.Name} is served by postscreen ({_config.MasterCfPath}:{found.Line}); postscreen's own checks are not simulated, the session continues in the smtpd pass service");
            return pass is null ? (null, $"{found.Name} runs postscreen but master.cf has no \"smtpd pass\" service to hand clients to") : (pass, null);
        }

        if (command != "smtpd")
        {
            return (null, $"{found.Name} ({_config.MasterCfPath}:{found.Line}) runs {found.Command}, not smtpd");
        }

        notes.Add($"listener {found.Name} ({_config.MasterCfPath}:{found.Line})");
        return (found, null);
    }

    private static string CommandName(MasterService service) => Path.GetFileName(service.Command);

    /// <summary>Why the client cannot connect, the binding that keeps it out (as written) and where that binding is written; null when it can connect.</summary>
    private Reachability? Unreachable(ListenerSettings settings, MasterService? service, IPAddress client, bool ipv4, bool ipv6, string? serverAddress)
    {
        Reachability Parameter(string parameter, string reason) =>
            new(reason, $"{parameter} = {settings.Get(parameter)}", TraceSources.Of(settings, parameter));

        Reachability ServiceName(string name, string reason) =>
            new(reason, $"master.cf service {name}", new TraceSource(TraceSourceKind.File) { Path = _config.MasterCfPath, Line = service?.Line ?? 0 });

        if (client.AddressFamily == AddressFamily.InterNetwork && !ipv4)
        {
            return Parameter("inet_protocols", $"inet_protocols = {settings.Get("inet_protocols")}: smtpd does not accept IPv4 clients such as {client}");
        }

        if (client.AddressFamily == AddressFamily.InterNetworkV6 && !ipv6)
        {
            return Parameter("inet_protocols", $"inet_protocols = {settings.Get("inet_protocols")} ({settings.Origin("inet_protocols")}): smtpd does not accept IPv6 clients such as {client}");
        }

        var name = service?.Name ?? "smtp";
        if (serverAddress is not null && IPAddress.TryParse(serverAddress.Trim('[', ']'), out var server))
        {
            var listenColon = name.LastIndexOf(':');
            var listenText = listenColon > 0 ? name[..listenColon] : settings.Get("inet_interfaces");
            var origin = listenColon > 0 ? $"master.cf service {name}" : $"inet_interfaces = {settings.Get("inet_interfaces")} ({settings.Origin("inet_interfaces")})";
            var words = (listenColon > 0 ? [.. PostfixList.Split(listenText).Select(e => e.Text)] : settings.GetList("inet_interfaces")).Select(e => e.ToLowerInvariant()).ToList();
            if (words.Contains("all"))
            {
                return null;
            }

            var listening = words.SelectMany(ListenAddresses).ToList();
            if (listening.Any(a => a.Equals(server)))
            {
                return null;
            }

            var reason = $"{origin}: Postfix does not listen on {server}, the address the client connects to; the connection is refused";
            return listenColon > 0 ? ServiceName(name, reason) : Parameter("inet_interfaces", reason);
        }

        if (IPAddress.IsLoopback(client))
        {
            return null;
        }

        var colon = name.LastIndexOf(':');
        if (colon > 0)
        {
            var host = name[..colon].Trim('[', ']');
            if (host is "localhost" || (IPAddress.TryParse(host, out var listen) && IPAddress.IsLoopback(listen)))
            {
                return ServiceName(name, $"the {name} listener only listens on {host}: a client at {client} cannot connect");
            }

            return null;
        }

        var interfaces = settings.GetList("inet_interfaces").Select(e => e.ToLowerInvariant()).ToList();
        if (interfaces.Count > 0 && interfaces.All(i => i is "loopback-only" or "localhost" || (IPAddress.TryParse(i.Trim('[', ']'), out var a) && IPAddress.IsLoopback(a))))
        {
            return Parameter("inet_interfaces", $"inet_interfaces = {settings.Get("inet_interfaces")} ({settings.Origin("inet_interfaces")}): Postfix listens on loopback only, a client at {client} cannot connect");
        }

        return null;
    }

    private static IEnumerable<IPAddress> ListenAddresses(string word)
    {
        if (word == "loopback-only")
        {
            return [IPAddress.Loopback, IPAddress.IPv6Loopback];
        }

        if (word == "localhost")
        {
            return [IPAddress.Loopback, IPAddress.IPv6Loopback];
        }

        return IPAddress.TryParse(word.Trim('[', ']'), out var address) ? [address] : [];
    }

    /// <summary>Why a client cannot connect: the reason, the binding as written (<c>inet_interfaces = loopback-only</c>) and where it is written.</summary>
    private sealed record Reachability(string Reason, string Binding, TraceSource Source);
}
