using System.Collections.Immutable;
using System.Globalization;
using PostfixLint.Model.Values;

namespace PostfixLint.Simulation;

/// <content>generic_checks(): one restriction list, left to right.</content>
internal sealed partial class RestrictionEvaluator
{
    private static readonly HashSet<string> s_dnsRestrictions = new(StringComparer.OrdinalIgnoreCase)
    {
        "reject_maps_rbl", "reject_unknown_helo_hostname", "reject_unknown_hostname", "reject_unknown_sender_domain",
        "reject_unknown_address", "reject_unknown_recipient_domain", "reject_unverified_sender", "reject_unverified_recipient",
    };

    private static readonly HashSet<string> s_dnsxlRestrictions = new(StringComparer.OrdinalIgnoreCase)
    {
        "reject_rbl_client", "reject_rbl", "permit_dnswl_client", "reject_rhsbl_client", "permit_rhswl_client",
        "reject_rhsbl_reverse_client", "reject_rhsbl_helo", "reject_rhsbl_sender", "reject_rhsbl_recipient",
    };

    private int GenericChecks(string list, string origin, ImmutableArray<string> tokens, string replyName, string replyClass, string defAcl)
    {
        var savedRecursion = _recursion++;
        var depth = savedRecursion;
        var status = Dunno;
        var i = 0;
        string? decidedBy = null;
        for (; i < tokens.Length; i++)
        {
            if (_discard)
            {
                break;
            }

            var name = tokens[i];
            if (name.Equals("warn_if_reject", StringComparison.OrdinalIgnoreCase))
            {
                if (_warnIfReject == 0)
                {
                    _warnIfReject = _recursion;
                }

                continue;
            }

            var start = i;
            var entryIndex = _trace.Count;
            _trace.Add(new TraceEntry(list, name, "dunno", origin) { Depth = depth });
            var savedNotes = _notes;
            _notes = [];
            var warnOnly = _warnIfReject != 0;
            try
            {
                if (name.Contains(':', StringComparison.Ordinal))
                {
                    // generic_checks(): "type:table" is short-hand for the list's check_*_access.
                    if (defAcl.Length == 0)
                    {
                        Warn($"specify one of (check_client_access, check_reverse_client_hostname_access, check_helo_access, check_sender_access, check_recipient_access, check_etrn_access) before {replyClass} restriction \"{name}\"");
                        ServerError();
                    }

                    _notes.Add($"a bare table means {defAcl} in {list}");
                    name = defAcl;
                    i -= 1;
                }

                status = Evaluate(name, tokens, ref i, replyName, replyClass, defAcl);
            }
            catch (CheckJump)
            {
                Finish(entryIndex, tokens, start, i, "error-or-reply", savedNotes, jumped: true);
                throw;
            }
            catch (UnknownOutcome unknown)
            {
                _notes.Add(unknown.Message);
                _trace[entryIndex] = _trace[entryIndex] with { Restriction = Text(tokens, start, i), Result = "unknown", Notes = [.. _notes] };
                _notes = savedNotes;
                throw;
            }

            if (status < 0)
            {
                Finish(entryIndex, tokens, start, i, "", savedNotes, jumped: true, pending: true);
                if (status == DictRetry)
                {
                    RejectDictRetry(replyName);
                }

                ServerError();
            }

            var result = status switch
            {
                Ok => "permit",
                Reject => ReplyResult(),
                _ => warnOnly && _lastWarned ? "warn" : "dunno",
            };
            _lastWarned = false;
            Finish(entryIndex, tokens, start, i, result, savedNotes, jumped: false);
            if (status == Reject)
            {
                _trace[entryIndex] = _trace[entryIndex] with { Reply = _errorText };
            }

            if (_warnIfReject >= _recursion)
            {
                _warnIfReject = 0;
            }

            if (status != Dunno)
            {
                decidedBy = Text(tokens, start, i);
                break;
            }

            if (_deferIfPermit.Active && _deferIfReject.Active)
            {
                break;
            }
        }

        // Restrictions after the one that decided are never evaluated: say so, it is a classic mistake.
        if (decidedBy is not null && depth == 0)
        {
            for (var j = i + 1; j < tokens.Length; j++)
            {
                var start = j;
                var skipped = tokens[j];
                if (IsMapCommand(skipped) || skipped.Equals("check_policy_service", StringComparison.OrdinalIgnoreCase)
                    || s_dnsxlRestrictions.Contains(skipped) || skipped.Equals("sleep", StringComparison.OrdinalIgnoreCase))
                {
                    j = Math.Min(j + 1, tokens.Length - 1);
                }

                _trace.Add(new TraceEntry(list, Text(tokens, start, j), "not reached", origin)
                {
                    Depth = depth,
                    Notes = [$"{tokens[start]} comes after {decidedBy} and is never reached"],
                });
            }
        }

        _recursion = savedRecursion;
        if (_warnIfReject >= _recursion)
        {
            _warnIfReject = 0;
        }

        return status;
    }

    private bool _lastWarned;

    private void Finish(int entryIndex, ImmutableArray<string> tokens, int start, int end, string result, List<string> savedNotes, bool jumped, bool pending = false)
    {
        var entry = _trace[entryIndex] with { Restriction = Text(tokens, start, Math.Min(end, tokens.Length - 1)), Notes = [.. _notes] };
        if (jumped && !pending)
        {
            entry = entry with { Result = _errorText.StartsWith('4') ? "defer" : "reject", Reply = _errorText };
        }
        else if (!jumped)
        {
            entry = entry with { Result = result };
        }

        _trace[entryIndex] = entry;
        _notes = savedNotes;
    }

    private static string Text(ImmutableArray<string> tokens, int start, int end) =>
        end > start ? string.Join(' ', tokens[start..(end + 1)]) : tokens[start];

    private static bool IsMapCommand(string name) => name.StartsWith("check_", StringComparison.OrdinalIgnoreCase) && name.EndsWith("_access", StringComparison.OrdinalIgnoreCase);

    /// <summary>is_map_command(): the next token must be a table, else a configuration error.</summary>
    private bool MapArgument(string name, string command, ImmutableArray<string> tokens, ref int i, out string table)
    {
        table = "";
        if (!name.Equals(command, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (i + 1 >= tokens.Length || !tokens[i + 1].Contains(':', StringComparison.Ordinal))
        {
            var argument = i + 1 < tokens.Length ? tokens[++i] : tokens[i];
            Warn($"restriction {command}: bad argument \"{argument}\": need maptype:mapname");
            ServerError();
        }

        table = tokens[++i];
        return true;
    }

    private int Evaluate(string name, ImmutableArray<string> tokens, ref int i, string replyName, string replyClass, string defAcl)
    {
        var lower = name.ToLowerInvariant();
        string table;
        switch (lower)
        {
            case "permit":
                if (i + 1 < tokens.Length)
                {
                    Warn($"restriction `{tokens[i + 1]}' after `permit' is ignored");
                }

                return Ok;
            case "defer":
                return SmtpdCheckReject(false, _settings.GetInt("defer_code", 450), "4.3.2", $"<{replyName}>: {replyClass} rejected: Try again later");
            case "reject":
                return SmtpdCheckReject(false, _settings.GetInt("reject_code", 554), "5.7.1", $"<{replyName}>: {replyClass} rejected: Access denied");
            case "reject_unauth_pipelining":
                _notes.Add("the simulated client does not pipeline");
                return Dunno;
            case "check_policy_service":
                if (i + 1 >= tokens.Length || !tokens[i + 1].Contains(':', StringComparison.Ordinal))
                {
                    Warn("restriction check_policy_service must be followed by transport:server");
                    ServerError();
                }

                i++;
                throw new UnknownOutcome($"the answer depends on the policy service {tokens[i]}");
            case "defer_if_permit":
                DeferIf(_deferIfPermit, 450, "4.7.0", $"<{replyName}>: {replyClass} rejected: defer_if_permit requested");
                _notes.Add("remembered: a final permit becomes 450 4.7.0 … defer_if_permit requested");
                return Dunno;
            case "defer_if_reject":
                DeferIf(_deferIfReject, 450, "4.7.0", $"<{replyName}>: {replyClass} rejected: defer_if_reject requested");
                _notes.Add("remembered: a later 5xx reject becomes 450 4.7.0 … defer_if_reject requested");
                return Dunno;
            case "sleep":
                if (i + 1 >= tokens.Length || !CNumber.AllDigits(tokens[i + 1]))
                {
                    Warn("restriction sleep must be followed by number");
                    ServerError();
                }

                i++;
                return Dunno;
            case "reject_plaintext_session":
                return Session.Tls ? Dunno : SmtpdCheckReject(false, _settings.GetInt("plaintext_reject_code", 450), "4.7.1", "Session encryption is required");
            case "reject_unknown_client_hostname":
            case "reject_unknown_client":
                if (Session.Name != "unknown")
                {
                    _notes.Add($"the client hostname {Session.Name} is verified");
                    return Dunno;
                }

                _notes.Add("the client has no verified hostname (client_name not given)");
                return SmtpdCheckReject(false, _settings.GetInt("unknown_client_reject_code", 450), "4.7.25", $"Client host rejected: cannot find your hostname, [{Session.Address}]");
            case "reject_unknown_reverse_client_hostname":
                if (Session.Name != "unknown")
                {
                    return Dunno;
                }

                return SmtpdCheckReject(false, _settings.GetInt("unknown_client_reject_code", 450), "4.7.1", $"Client host rejected: cannot find your reverse hostname, [{Session.Address}]");
            case "permit_inet_interfaces":
                if (_classifier.InterfaceAddresses(_settings.Get("inet_interfaces")).Any(a => a.Equals(Session.IpAddress)))
                {
                    _notes.Add($"{Session.Address} is an address of inet_interfaces");
                    return Ok;
                }

                _notes.Add($"{Session.Address} is not an address of inet_interfaces ({_settings.Get("inet_interfaces")})");
                return Dunno;
            case "permit_mynetworks":
                return PermitMynetworks();
            case "permit_sasl_authenticated":
                if (!Session.SaslActive)
                {
                    _notes.Add(Session.SaslEnabled
                        ? "SASL is not active in this session (smtpd_tls_auth_only: AUTH only after STARTTLS)"
                        : $"SASL is not enabled on this listener ({_settings.Describe("smtpd_sasl_auth_enable")}): permit_sasl_authenticated never matches");
                    return Dunno;
                }

                if (Session.SaslUsername is null)
                {
                    _notes.Add("the client did not authenticate");
                    return Dunno;
                }

                _notes.Add($"the client authenticated as {Session.SaslUsername}");
                return Ok;
            case "permit_tls_all_clientcerts":
            case "permit_tls_clientcerts":
                if (!_settings.GetBool("smtpd_tls_ask_ccert"))
                {
                    Warn($"{lower} is requested, but \"smtpd_tls_ask_ccert = no\"");
                }

                _notes.Add("the simulated client presents no certificate");
                return Dunno;
            case "reject_unauth_destination":
                return Recipient is null ? Dunno : RejectUnauthDestination(_settings.GetInt("relay_domains_reject_code", 554), "5.7.1");
            case "defer_unauth_destination":
                return Recipient is null ? Dunno : RejectUnauthDestination(_settings.GetInt("relay_domains_reject_code", 554) - 100, "4.7.1");
            case "permit_auth_destination":
                return Recipient is null ? Dunno : PermitAuthDestination(Recipient);
            case "check_relay_domains":
                return CheckRelayDomains(replyName, replyClass, tokens, i);
            case "permit_mx_backup":
                if (Recipient is null)
                {
                    return Dunno;
                }

                var mx = Resolve(Recipient);
                if (!(mx.Routed && !_settings.GetBool("allow_untrusted_routing")) && mx.IsAuthorizedDestination)
                {
                    _notes.Add($"{mx.Domain} is an authorized destination ({mx.Class})");
                    return Ok;
                }

                throw new UnknownOutcome($"permit_mx_backup needs the DNS MX records of {mx.Domain}");
            case "reject_non_fqdn_helo_hostname":
            case "reject_non_fqdn_hostname":
                return HeloName is null ? Dunno : HeloName.StartsWith('[') ? RejectInvalidHostaddr(HeloName) : RejectNonFqdnHostname(HeloName);
            case "reject_invalid_helo_hostname":
            case "reject_invalid_hostname":
                return HeloName is null ? Dunno : HeloName.StartsWith('[') ? RejectInvalidHostaddr(HeloName) : RejectInvalidHostname(HeloName);
            case "permit_naked_ip_address":
                Warn("restriction permit_naked_ip_address is deprecated. Use permit_mynetworks or permit_sasl_authenticated instead");
                if (HeloName is not null && HeloName.All(c => char.IsAsciiDigit(c) || c is '.' or ':'))
                {
                    var naked = RejectInvalidHostaddr(HeloName);
                    return naked == Dunno ? Ok : naked;
                }

                return Dunno;
            case "reject_non_fqdn_sender":
                return string.IsNullOrEmpty(Sender) ? Dunno : RejectNonFqdnAddress(Sender, Sender, ClassSender);
            case "reject_non_fqdn_recipient":
                return Recipient is null ? Dunno : RejectNonFqdnAddress(Recipient, Recipient, ClassRecipient);
            case "reject_authenticated_sender_login_mismatch":
                if (!SaslSupport(lower) || string.IsNullOrEmpty(Sender))
                {
                    return Dunno;
                }

                return RejectAuthSenderLoginMismatch(Sender, allowUnknown: false);
            case "reject_known_sender_login_mismatch":
                if (!SaslSupport(lower) || string.IsNullOrEmpty(Sender))
                {
                    return Dunno;
                }

                return Session.SaslUsername is not null ? RejectAuthSenderLoginMismatch(Sender, allowUnknown: true) : RejectUnauthSenderLoginMismatch(Sender);
            case "reject_unauthenticated_sender_login_mismatch":
                if (!SaslSupport(lower) || string.IsNullOrEmpty(Sender))
                {
                    return Dunno;
                }

                return RejectUnauthSenderLoginMismatch(Sender);
            case "reject_unlisted_sender":
                return string.IsNullOrEmpty(Sender) ? Dunno : CheckSenderRcptMaps(Sender);
            case "check_recipient_maps":
            case "reject_unlisted_recipient":
                return string.IsNullOrEmpty(Recipient) ? Dunno : CheckRecipientRcptMaps(Recipient);
            case "reject_multi_recipient_bounce":
                _notes.Add("only one recipient is simulated");
                return Dunno;
        }

        if (s_dnsRestrictions.Contains(lower))
        {
            return DnsRestriction(lower);
        }

        if (s_dnsxlRestrictions.Contains(lower))
        {
            if (i + 1 >= tokens.Length)
            {
                Warn($"restriction {name} requires domain name argument");
                return Dunno;
            }

            i++;
            if (lower is "reject_rhsbl_client" or "permit_rhswl_client" or "reject_rhsbl_reverse_client" && Session.Name == "unknown")
            {
                return Dunno;
            }

            if ((lower == "reject_rhsbl_helo" && HeloName is null) || (lower == "reject_rhsbl_sender" && string.IsNullOrEmpty(Sender)))
            {
                return Dunno;
            }

            throw new UnknownOutcome($"{name} {tokens[i]} needs a DNS lookup");
        }

        if (MapArgument(name, "check_client_access", tokens, ref i, out table))
        {
            return CheckNamadrAccess(table, Session.Name, Session.Address, Session.NamAddr, ClassClient, defAcl);
        }

        if (MapArgument(name, "check_reverse_client_hostname_access", tokens, ref i, out table))
        {
            var status = CheckNamadrAccess(table, Session.Name, Session.Address, Session.Name, "Unverified Client host", defAcl);
            ForbidAllowlist(name, status, Session.Name);
            return status;
        }

        if (MapArgument(name, "check_ccert_access", tokens, ref i, out _))
        {
            _notes.Add("the simulated client presents no certificate");
            return Dunno;
        }

        if (MapArgument(name, "check_sasl_access", tokens, ref i, out table))
        {
            if (!_settings.GetBool("smtpd_sasl_auth_enable"))
            {
                Warn($"restriction `{name}' ignored: no SASL support");
                return Dunno;
            }

            return Session.SaslUsername is { Length: > 0 } login ? CheckAccess(table, login, partial: false, login, ClassSasl, defAcl, out _) : Dunno;
        }

        foreach (var (command, subject, skip) in new (string, string, Func<bool>)[]
                 {
                     ("check_client_ns_access", "client hostname", () => Session.Name == "unknown"),
                     ("check_client_mx_access", "client hostname", () => Session.Name == "unknown"),
                     ("check_client_a_access", "client hostname", () => Session.Name == "unknown"),
                     ("check_reverse_client_hostname_ns_access", "client hostname", () => Session.Name == "unknown"),
                     ("check_reverse_client_hostname_mx_access", "client hostname", () => Session.Name == "unknown"),
                     ("check_reverse_client_hostname_a_access", "client hostname", () => Session.Name == "unknown"),
                     ("check_helo_ns_access", "HELO name", () => HeloName is null),
                     ("check_helo_mx_access", "HELO name", () => HeloName is null),
                     ("check_helo_a_access", "HELO name", () => HeloName is null),
                     ("check_sender_ns_access", "sender domain", () => string.IsNullOrEmpty(Sender)),
                     ("check_sender_mx_access", "sender domain", () => string.IsNullOrEmpty(Sender)),
                     ("check_sender_a_access", "sender domain", () => string.IsNullOrEmpty(Sender)),
                     ("check_recipient_ns_access", "recipient domain", () => string.IsNullOrEmpty(Recipient)),
                     ("check_recipient_mx_access", "recipient domain", () => string.IsNullOrEmpty(Recipient)),
                     ("check_recipient_a_access", "recipient domain", () => string.IsNullOrEmpty(Recipient)),
                 })
        {
            if (MapArgument(name, command, tokens, ref i, out _))
            {
                if (skip())
                {
                    return Dunno;
                }

                throw new UnknownOutcome($"{command} needs the DNS records of the {subject}");
            }
        }

        if (MapArgument(name, "check_helo_access", tokens, ref i, out table))
        {
            return HeloName is null ? Dunno : CheckDomainAccess(table, HeloName, partial: false, HeloName, ClassHelo, defAcl, out _);
        }

        if (MapArgument(name, "check_sender_access", tokens, ref i, out table))
        {
            if (Sender is null)
            {
                return Dunno;
            }

            return Sender.Length > 0
                ? CheckMailAccess(table, Sender, Sender, ClassSender, defAcl)
                : CheckAccess(table, _settings.Get("smtpd_null_access_lookup_key"), partial: false, Sender, ClassSender, defAcl, out _);
        }

        if (MapArgument(name, "check_recipient_access", tokens, ref i, out table))
        {
            return Recipient is null ? Dunno : CheckMailAccess(table, Recipient, Recipient, ClassRecipient, defAcl);
        }

        if (MapArgument(name, "check_etrn_access", tokens, ref i, out _))
        {
            return Dunno;
        }

        // User-defined restriction class (looked up case-sensitively, as smtpd's htable).
        if (_classes.TryGetValue(name, out var restrictionClass))
        {
            _notes.Add($"restriction class {name} = {string.Join(", ", restrictionClass.Tokens)} ({restrictionClass.Origin})");
            return GenericChecks(name, restrictionClass.Origin, restrictionClass.Tokens, replyName, replyClass, defAcl);
        }

        Warn($"unknown smtpd restriction: \"{name}\"");
        var suggestion = _settings.Config.Catalog is not null ? null : (string?)null;
        _notes.Add($"\"{name}\" is not a restriction smtpd knows (nor a class in smtpd_restriction_classes){suggestion}");
        ServerError();
        return Dunno;
    }

    private bool SaslSupport(string name)
    {
        if (_settings.GetBool("smtpd_sasl_auth_enable"))
        {
            return true;
        }

        Warn($"restriction `{name}' ignored: no SASL support");
        _notes.Add($"ignored: smtpd_sasl_auth_enable is off on this listener ({_settings.Origin("smtpd_sasl_auth_enable")})");
        return false;
    }

    private int DnsRestriction(string name)
    {
        switch (name)
        {
            case "reject_unknown_helo_hostname":
            case "reject_unknown_hostname":
                if (HeloName is null)
                {
                    return Dunno;
                }

                if (HeloName.StartsWith('['))
                {
                    return RejectInvalidHostaddr(HeloName);
                }

                throw new UnknownOutcome($"{name} needs the DNS A/AAAA/MX records of {HeloName}");
            case "reject_unknown_sender_domain":
            case "reject_unknown_address":
                return string.IsNullOrEmpty(Sender) ? Dunno : UnknownAddress(name, Sender);
            case "reject_unknown_recipient_domain":
                return string.IsNullOrEmpty(Recipient) ? Dunno : UnknownAddress(name, Recipient);
            case "reject_unverified_sender":
                if (string.IsNullOrEmpty(Sender))
                {
                    return Dunno;
                }

                break;
            case "reject_unverified_recipient":
                if (string.IsNullOrEmpty(Recipient))
                {
                    return Dunno;
                }

                break;
        }

        throw new UnknownOutcome($"{name} needs DNS or address verification");
    }

    private int UnknownAddress(string name, string address)
    {
        var resolved = Resolve(address);
        if (resolved.Class is AddressClass.Local or AddressClass.VirtualAlias or AddressClass.VirtualMailbox || resolved.Domain.StartsWith('['))
        {
            _notes.Add($"{resolved.Domain} is a final destination of this host: no DNS lookup");
            return Dunno;
        }

        throw new UnknownOutcome($"{name} needs the DNS MX/A records of {resolved.Domain}");
    }

    private void ForbidAllowlist(string name, int status, string target)
    {
        if (!_discard && status == Ok)
        {
            Warn($"restriction {name} returns OK for {target}");
            Warn("this is not allowed for security reasons");
            Warn("use DUNNO instead of OK if you want to make an exception");
            ServerError();
        }
    }

    // ---- Replies -----------------------------------------------------------------------------------------------

    /// <summary>smtpd_check_reject(): format, validate and fix a reply; honours warn_if_reject and a pending defer_if_reject.</summary>
    private int SmtpdCheckReject(bool software, int code, string dsn, string text)
    {
        var warnOnly = _warnIfReject != 0 && !software;
        var reply = $"{code} {dsn} {text}";
        if (code < 400 || code > 599)
        {
            Warn($"SMTP reply code configuration error: {reply}");
            reply = "450 4.7.1 Service unavailable";
        }

        if (DsnValid(reply[4..]) == 0)
        {
            Warn($"DSN detail code configuration error: {reply}");
            reply = "450 4.7.1 Service unavailable";
        }

        if (reply.Length > 510)
        {
            reply = reply[..510];
        }

        if (reply.AsSpan().IndexOfAnyExceptInRange(' ', '~') >= 0)
        {
            reply = new string(reply.Select(c => c < ' ' || c > '~' ? ' ' : c).ToArray());
        }

        if (!warnOnly && _deferIfReject.Active && reply[0] == '5')
        {
            _warnIfReject = 0;
            _deferIfReject.Active = false;
            _notes.Add($"a pending defer_if_reject turns \"{reply}\" into a deferral");
            return SmtpdCheckReject(false, _deferIfReject.Code, _deferIfReject.Dsn, _deferIfReject.Reason);
        }

        if (_settings.GetBool("soft_bounce") && reply[0] == '5')
        {
            reply = "4" + reply[1..];
        }

        // Enforce consistency between the SMTP code and the DSN class.
        reply = reply[..4] + reply[0] + reply[5..];
        if (warnOnly)
        {
            _notes.Add($"warn_if_reject: logged as reject_warning, not sent: {reply}");
            _lastWarned = true;
            return Dunno;
        }

        _errorText = reply;
        return Reject;
    }

    private static int DsnValid(string text)
    {
        if (text.Length < 2 || text[0] is not ('2' or '4' or '5') || text[1] != '.')
        {
            return 0;
        }

        var p = 2;
        var n = 0;
        while (p + n < text.Length && char.IsAsciiDigit(text[p + n]))
        {
            n++;
        }

        if (n < 1 || n > 3 || p + n >= text.Length || text[p + n] != '.')
        {
            return 0;
        }

        p += n + 1;
        n = 0;
        while (p + n < text.Length && char.IsAsciiDigit(text[p + n]))
        {
            n++;
        }

        if (n < 1 || n > 3 || (p + n < text.Length && !char.IsWhiteSpace(text[p + n])))
        {
            return 0;
        }

        return p + n;
    }

    /// <summary>dsn_split(): an optional RFC 3463 code at the start of the text, else the default.</summary>
    private static (string Dsn, string Text) DsnSplit(string defaultDsn, string text)
    {
        var trimmed = text.TrimStart();
        var length = DsnValid(trimmed);
        if (length > 0)
        {
            return (trimmed[..length], trimmed[length..].TrimStart());
        }

        return (defaultDsn, trimmed);
    }

    /// <summary>smtpd_dsn_fix(): address-specific DSN codes are remapped to the class being rejected.</summary>
    private static string DsnFix(string status, string replyClass)
    {
        if (status.Length < 5 || !char.IsAsciiDigit(status[0]) || status[1..4] != ".1.")
        {
            return status;
        }

        var micro = status[4..];
        if (replyClass == ClassSender)
        {
            // src/smtpd/smtpd_dsn_fix.c dsn_map[]: SND_DSN (4.1.7) for 1, 3, 4, 6 and 7; 4.1.8 for 2 and 8; 4.1.0 for 5 and others.
            return micro switch { "1" or "3" or "4" or "6" or "7" => "4.1.7", "2" or "8" => "4.1.8", _ => "4.1.0" };
        }

        if (replyClass == ClassRecipient)
        {
            return micro switch
            {
                "1" => "4.1.1", "2" or "8" => "4.1.2", "3" or "7" => "4.1.3", "4" => "4.1.4", "5" => "4.1.5", "6" => "4.1.6", _ => "4.1.0",
            };
        }

        return "4.0.0";
    }

    private static void DeferIf(DeferState defer, int code, string dsn, string reason)
    {
        if (defer.Active)
        {
            return;
        }

        defer.Active = true;
        defer.Code = code;
        defer.Dsn = dsn;
        defer.Reason = reason;
    }

    private void ServerError()
    {
        _notes.Add("smtpd answers 451 4.3.5 Server configuration error and notifies the postmaster");
        SmtpdCheckReject(software: true, 451, "4.3.5", "Server configuration error");
        throw new CheckJump(Reject);
    }

    private void RejectDictRetry(string replyName)
    {
        SmtpdCheckReject(software: true, 451, "4.3.0", $"<{replyName}>: Temporary lookup failure");
        throw new CheckJump(Reject);
    }

    private void Warn(string message)
    {
        if (!_warnings.Contains(message))
        {
            _warnings.Add(message);
        }

        _notes.Add($"smtpd logs: warning: {message}");
    }

    private static string CodeText(int value) => value.ToString(CultureInfo.InvariantCulture);
}
