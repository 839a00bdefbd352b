using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using PostfixLint.Model.Tables;
using PostfixLint.Model.Values;

namespace PostfixLint.Simulation;

/// <content>The individual restrictions and the access-table machinery.</content>
internal sealed partial class RestrictionEvaluator
{
    private ResolvedAddress Resolve(string address)
    {
        var resolved = _classifier.Resolve(address);
        if (resolved.Unknown is { } unknown)
        {
            throw new UnknownOutcome($"the address class of {address} depends on {unknown}");
        }

        if (resolved.Failure is { } failure)
        {
            Warn(failure);
            RejectDictRetry(address);
        }

        return resolved;
    }

    private int PermitMynetworks()
    {
        var value = _settings.Get("mynetworks");
        var result = MatchLists.MatchNamadr(_tables, "mynetworks", value, Session.Name, Session.Address, _classifier.ParentStyle("mynetworks"));
        var shown = $"mynetworks ({value}; {_settings.Origin("mynetworks")})";
        switch (result.Outcome)
        {
            case MatchOutcome.Match:
                _notes.Add($"{Session.Address} is in {shown}: pattern {result.Pattern}");
                return Ok;
            case MatchOutcome.Error:
                Warn(result.Detail ?? "mynetworks: table lookup problem");
                _notes.Add($"matching {Session.Address} against mynetworks fails at {result.Pattern}");
                return DictRetry;
            case MatchOutcome.Unknown:
                throw new UnknownOutcome($"mynetworks: {result.Detail}");
        }

        _notes.Add(result.Pattern is null
            ? $"{Session.Address} is not in {shown}"
            : $"{Session.Address} is excluded from mynetworks by {result.Pattern} ({_settings.Origin("mynetworks")})");
        return Dunno;
    }

    private int PermitAuthDestination(string recipient)
    {
        var reply = Resolve(recipient);
        if (reply.Explanation.Length > 0)
        {
            _notes.Add(reply.Explanation);
        }

        if (!_settings.GetBool("allow_untrusted_routing") && reply.Routed)
        {
            _notes.Add($"{recipient} is source-routed and allow_untrusted_routing = no: never an authorized destination");
            return Dunno;
        }

        return reply.IsAuthorizedDestination ? Ok : Dunno;
    }

    private int RejectUnauthDestination(int code, string dsn)
    {
        if (PermitAuthDestination(Recipient!) == Ok)
        {
            return Dunno;
        }

        return SmtpdCheckReject(false, code, dsn, $"<{Recipient}>: Relay access denied");
    }

    private int CheckRelayDomains(string replyName, string replyClass, ImmutableArray<string> tokens, int i)
    {
        Warn("support for restriction \"check_relay_domains\" will be removed from Postfix; use \"reject_unauth_destination\" instead");
        if (Recipient is null)
        {
            return Dunno;
        }

        if (i + 1 < tokens.Length && _warnIfReject == 0)
        {
            Warn($"restriction `{tokens[i + 1]}' after `check_relay_domains' is ignored");
        }

        var client = MatchLists.MatchDomain(_tables, "relay_domains", _settings.Get("relay_domains"), Session.Name, _classifier.ParentStyle("relay_domains"));
        if (client.Outcome == MatchOutcome.Match)
        {
            _notes.Add($"the client hostname {Session.Name} matches relay_domains");
            return Ok;
        }

        if (PermitAuthDestination(Recipient) == Ok)
        {
            return Ok;
        }

        return SmtpdCheckReject(false, _settings.GetInt("relay_domains_reject_code", 554), "5.7.1", $"<{replyName}>: {replyClass} rejected: Relay access denied");
    }

    // ---- HELO and address syntax ---------------------------------------------------------------------------------

    private static string DupIfTruncate(string name) =>
        name.Length > 1 && name[^1] == '.' && name[^2] != '.' ? name[..^1] : name;

    private int RejectInvalidHostaddr(string helo)
    {
        var test = helo.Length > 2 && helo[0] == '[' && helo[^1] == ']' ? helo[1..^1] : helo;
        if (!ValidMailhostAddr(test))
        {
            return SmtpdCheckReject(false, _settings.GetInt("invalid_hostname_reject_code", 501), "5.5.2", $"<{helo}>: {ClassHelo} rejected: invalid ip address");
        }

        return Dunno;
    }

    private int RejectInvalidHostname(string helo)
    {
        var test = DupIfTruncate(helo);
        if (!ValidHostname(test) && !ValidHostaddr(test))
        {
            return SmtpdCheckReject(false, _settings.GetInt("invalid_hostname_reject_code", 501), "5.5.2", $"<{helo}>: {ClassHelo} rejected: Invalid name");
        }

        return Dunno;
    }

    private int RejectNonFqdnHostname(string helo)
    {
        var test = DupIfTruncate(helo);
        if (!ValidHostname(test) || !test.Contains('.', StringComparison.Ordinal))
        {
            return SmtpdCheckReject(false, _settings.GetInt("non_fqdn_reject_code", 504), "5.5.2", $"<{helo}>: {ClassHelo} rejected: need fully-qualified hostname");
        }

        return Dunno;
    }

    private int RejectNonFqdnAddress(string address, string replyName, string replyClass)
    {
        var at = address.LastIndexOf('@');
        var domain = at >= 0 ? address[(at + 1)..] : "";
        if (domain.Length > 0 && domain[0] == '[' && domain[^1] == ']')
        {
            return Dunno;
        }

        var test = DupIfTruncate(domain);
        if (test.Length == 0 || !ValidHostname(test) || !test.Contains('.', StringComparison.Ordinal))
        {
            return SmtpdCheckReject(false, _settings.GetInt("non_fqdn_reject_code", 504), "4.5.2", $"<{replyName}>: {replyClass} rejected: need fully-qualified address");
        }

        return Dunno;
    }

    /// <summary>valid_hostname() (<c>src/util/valid_hostname.c</c>): labels of letters, digits and hyphens, not all-numeric.</summary>
    private static bool ValidHostname(string name)
    {
        if (name.Length == 0 || name.Length > 255)
        {
            return false;
        }

        var labels = name.Split('.');
        var nonNumeric = false;
        foreach (var label in labels)
        {
            if (label.Length == 0 || label.Length > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                {
                    return false;
                }

                nonNumeric |= !char.IsAsciiDigit(c);
            }
        }

        return nonNumeric;
    }

    private static bool ValidHostaddr(string text) =>
        (text.Count(c => c == '.') == 3 && IPAddress.TryParse(text, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        || (text.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(text, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6);

    private static bool ValidMailhostAddr(string text) =>
        text.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase) ? ValidHostaddr(text[5..]) && text[5..].Contains(':', StringComparison.Ordinal) : ValidHostaddr(text) && !text.Contains(':', StringComparison.Ordinal);

    // ---- SASL sender ownership ------------------------------------------------------------------------------------

    private LookupHit SenderLoginLookup(string sender)
    {
        var reply = Resolve(sender);
        var maps = OpenMaps("smtpd_sender_login_maps");
        var hit = AccessLookup.MailAddrFind(maps, reply.Address, AccessLookup.Strategy.Default, _settings.Get("recipient_delimiter"), IsLocalForLookup);
        CheckMapsHit(hit, sender, "smtpd_sender_login_maps");
        return hit;
    }

    private int RejectAuthSenderLoginMismatch(string sender, bool allowUnknown)
    {
        if (Session.SaslUsername is not { } login)
        {
            _notes.Add("the client is not authenticated");
            return Dunno;
        }

        var hit = SenderLoginLookup(sender);
        var mapsText = _settings.Get("smtpd_sender_login_maps");
        if (hit.Status == TableLookupStatus.Found)
        {
            var owners = PostfixList.Split(hit.Value!).Select(e => e.Text).ToList();
            if (owners.Any(o => string.Equals(o, login, StringComparison.OrdinalIgnoreCase)))
            {
                _notes.Add($"{login} owns {sender} in smtpd_sender_login_maps ({hit.Source}: {hit.Key} → {hit.Value})");
                return Dunno;
            }

            _notes.Add($"{login} does not own {sender} in smtpd_sender_login_maps ({hit.Source}: {hit.Key} → {hit.Value})");
        }
        else if (allowUnknown)
        {
            _notes.Add($"{sender} has no owner in smtpd_sender_login_maps: allowed by reject_known_sender_login_mismatch");
            return Dunno;
        }
        else
        {
            _notes.Add(mapsText.Length == 0
                ? $"smtpd_sender_login_maps is empty, so {login} owns no sender address"
                : $"{sender} has no owner in smtpd_sender_login_maps ({mapsText}; keys tried: {string.Join(", ", hit.KeysTried)}), so {login} does not own it");
        }

        return SmtpdCheckReject(false, 553, "5.7.1", $"<{sender}>: Sender address rejected: not owned by user {login}");
    }

    private int RejectUnauthSenderLoginMismatch(string sender)
    {
        if (Session.SaslUsername is not null)
        {
            return Dunno;
        }

        var hit = SenderLoginLookup(sender);
        if (hit.Status == TableLookupStatus.Found)
        {
            _notes.Add($"{sender} is owned by {hit.Value} in smtpd_sender_login_maps ({hit.Source}) but the client is not logged in");
            return SmtpdCheckReject(false, 553, "5.7.1", $"<{sender}>: Sender address rejected: not logged in");
        }

        _notes.Add($"{sender} has no owner in smtpd_sender_login_maps");
        return Dunno;
    }

    private bool IsLocalForLookup(string domain)
    {
        if (domain.Equals(_settings.Get("myorigin"), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var local = _classifier.IsLocalDomain(domain);
        if (local.Outcome == MatchOutcome.Unknown)
        {
            throw new UnknownOutcome($"mydestination: {local.Detail}");
        }

        return local.Outcome == MatchOutcome.Match;
    }

    private List<ILookupTable> OpenMaps(string parameter) =>
        _settings.GetList(parameter).Select(_tables.Open).ToList();

    /// <summary>check_mail_addr_find(): a lookup error ends the stage with 451.</summary>
    private void CheckMapsHit(LookupHit hit, string replyName, string parameter)
    {
        if (hit.Status == TableLookupStatus.Unknown)
        {
            throw new UnknownOutcome($"{parameter}: the contents of {hit.Table?.Spec} are not known (looked up \"{hit.Key}\")");
        }

        if (hit.Status == TableLookupStatus.Error)
        {
            Warn(hit.Table?.UnavailableReason ?? $"{hit.Table?.Spec}: table lookup problem");
            _notes.Add($"{parameter}: {hit.Table?.Spec} cannot be read");
            ServerError();
        }
    }

    // ---- Recipient validation (check_rcpt_maps) ------------------------------------------------------------------

    private int CheckRecipientRcptMaps(string recipient)
    {
        if (_recipientMapChecked)
        {
            return Dunno;
        }

        if (_warnIfReject == 0)
        {
            _recipientMapChecked = true;
        }

        return CheckRcptMaps(recipient, ClassRecipient);
    }

    private int CheckSenderRcptMaps(string sender)
    {
        if (_senderMapChecked)
        {
            return Dunno;
        }

        if (_warnIfReject == 0)
        {
            _senderMapChecked = true;
        }

        return CheckRcptMaps(sender, ClassSender);
    }

    private int CheckRcptMaps(string address, string replyClass)
    {
        var reply = Resolve(address);
        var delimiter = _settings.Get("recipient_delimiter");
        bool Matches(string parameter)
        {
            var maps = OpenMaps(parameter);
            if (maps.Count == 0)
            {
                return false;
            }

            var hit = AccessLookup.MailAddrFind(maps, reply.Address, AccessLookup.Strategy.Default, delimiter, IsLocalForLookup);
            CheckMapsHit(hit, address, parameter);
            if (hit.Status == TableLookupStatus.Found)
            {
                _notes.Add($"{address} matches {parameter} ({hit.Source}: {hit.Key}): accepted");
                return true;
            }

            return false;
        }

        if (Matches("recipient_canonical_maps") || (replyClass == ClassSender && Matches("sender_canonical_maps"))
            || Matches("canonical_maps") || Matches("virtual_alias_maps"))
        {
            return Dunno;
        }

        var detail = replyClass == ClassSender ? "5.1.0" : "5.1.1";
        if (reply.Transport == "error")
        {
            var (dsn, text) = DsnSplit(detail, reply.Nexthop);
            _notes.Add($"{address} resolves to the error transport: {reply.Nexthop}");
            return SmtpdCheckReject(false, reply.Class == AddressClass.VirtualAlias ? _settings.GetInt("unknown_virtual_alias_reject_code", 550) : 550,
                DsnFix(dsn, replyClass), $"<{address}>: {replyClass} rejected: {text}");
        }

        var showTable = _settings.GetBool("show_user_unknown_table_name");
        switch (reply.Class)
        {
            case AddressClass.Local:
            {
                if (_settings.Get("local_recipient_maps").Length == 0)
                {
                    _notes.Add("local_recipient_maps is empty: every local recipient is accepted");
                    return Dunno;
                }

                var at = reply.Address.LastIndexOf('@');
                var local = at >= 0 ? reply.Address[..at] : reply.Address;
                foreach (var exempt in new[] { _settings.Get("double_bounce_sender"), "postmaster", "mailer-daemon" })
                {
                    if (local.Equals(exempt, StringComparison.OrdinalIgnoreCase))
                    {
                        _notes.Add($"{local} is always accepted for local domains");
                        return Dunno;
                    }
                }

                if (Matches("local_recipient_maps"))
                {
                    return Dunno;
                }

                _notes.Add($"{reply.Address} is not in local_recipient_maps ({_settings.Get("local_recipient_maps")}; {_settings.Origin("local_recipient_maps")})"
                           + (_tables.PasswdPath is { } passwd ? $"; local users from {passwd}" : ""));
                return SmtpdCheckReject(false, _settings.GetInt("unknown_local_recipient_reject_code", 550), detail,
                    $"<{address}>: {replyClass} rejected: User unknown{(showTable ? " in local recipient table" : "")}");
            }

            case AddressClass.VirtualMailbox:
                if (_settings.Get("virtual_mailbox_maps").Length > 0 && !Matches("virtual_mailbox_maps"))
                {
                    _notes.Add($"{reply.Address} is not in virtual_mailbox_maps");
                    return SmtpdCheckReject(false, _settings.GetInt("unknown_virtual_mailbox_reject_code", 550), detail,
                        $"<{address}>: {replyClass} rejected: User unknown{(showTable ? " in virtual mailbox table" : "")}");
                }

                break;
            case AddressClass.Relay:
                if (_settings.Get("relay_recipient_maps").Length > 0 && !Matches("relay_recipient_maps"))
                {
                    _notes.Add($"{reply.Address} is not in relay_recipient_maps");
                    return SmtpdCheckReject(false, _settings.GetInt("unknown_relay_recipient_reject_code", 550), detail,
                        $"<{address}>: {replyClass} rejected: User unknown{(showTable ? " in relay recipient table" : "")}");
                }

                break;
        }

        return Dunno;
    }

    // ---- Access tables -----------------------------------------------------------------------------------------

    private ILookupTable OpenAccess(string table) => _tables.Open(table);

    /// <summary>check_namadr_access(): the hostname and its parents first, then the address and its prefixes.</summary>
    private int CheckNamadrAccess(string table, string name, string address, string replyName, string replyClass, string defAcl)
    {
        var status = CheckDomainAccess(table, name, partial: false, replyName, replyClass, defAcl, out var found);
        if (status != Dunno || found)
        {
            return status;
        }

        status = CheckAddrAccess(table, address, replyName, replyClass, defAcl, out found);
        return status;
    }

    private int CheckDomainAccess(string table, string domain, bool partial, string replyName, string replyClass, string defAcl, out bool found)
    {
        var access = OpenAccess(table);
        var numeric = ValidHostaddr(domain);
        var tried = new List<string>();
        foreach (var (key, keyPartial) in AccessLookup.DomainKeys(domain, _classifier.ParentStyle("smtpd_access_maps"), numeric))
        {
            var hit = AccessLookup.MapsFind([access], key, partial || keyPartial, tried);
            if (hit.Status != TableLookupStatus.NotFound)
            {
                found = true;
                return TableHit(table, hit, domain, replyName, replyClass, defAcl);
            }
        }

        _notes.Add($"{table}: no entry for {string.Join(", ", tried)}");
        found = false;
        return Dunno;
    }

    private int CheckAddrAccess(string table, string address, string replyName, string replyClass, string defAcl, out bool found)
    {
        var access = OpenAccess(table);
        var tried = new List<string>();
        foreach (var (key, partial) in AccessLookup.AddressKeys(address))
        {
            var hit = AccessLookup.MapsFind([access], key, partial, tried);
            if (hit.Status != TableLookupStatus.NotFound)
            {
                found = true;
                return TableHit(table, hit, address, replyName, replyClass, defAcl);
            }
        }

        _notes.Add($"{table}: no entry for {string.Join(", ", tried)}");
        found = false;
        return Dunno;
    }

    private int CheckAccess(string table, string key, bool partial, string replyName, string replyClass, string defAcl, out bool found)
    {
        var hit = AccessLookup.MapsFind([OpenAccess(table)], key, partial);
        if (hit.Status != TableLookupStatus.NotFound)
        {
            found = true;
            return TableHit(table, hit, key, replyName, replyClass, defAcl);
        }

        _notes.Add($"{table}: no entry for {key}");
        found = false;
        return Dunno;
    }

    private int CheckMailAccess(string table, string address, string replyName, string replyClass, string defAcl)
    {
        var reply = Resolve(address);
        if (!reply.Address.Contains('@', StringComparison.Ordinal))
        {
            Warn($"check_mail_access: no @domain in address: {reply.Address}");
            return Dunno;
        }

        var strategy = AccessLookup.Strategy.Full | AccessLookup.Strategy.NoExtension | AccessLookup.Strategy.Domain | AccessLookup.Strategy.LocalpartAt
                       | (_classifier.ParentStyle("smtpd_access_maps") ? AccessLookup.Strategy.ParentDomains : AccessLookup.Strategy.DotParentDomains);
        var hit = AccessLookup.MailAddrFind([OpenAccess(table)], reply.Address, strategy, _settings.Get("recipient_delimiter"), _ => false);
        if (hit.Status == TableLookupStatus.NotFound)
        {
            _notes.Add($"{table}: no entry for {string.Join(", ", hit.KeysTried)}");
            return Dunno;
        }

        var status = TableHit(table, hit, reply.Address, replyName, replyClass, defAcl);
        if (status == Ok && !_settings.GetBool("allow_untrusted_routing") && reply.Routed && replyClass == ClassRecipient)
        {
            _notes.Add($"OK is ignored for the source-routed recipient {address} (allow_untrusted_routing = no)");
            return Dunno;
        }

        return status;
    }

    private int TableHit(string table, LookupHit hit, string datum, string replyName, string replyClass, string defAcl)
    {
        switch (hit.Status)
        {
            case TableLookupStatus.Unknown:
                throw new UnknownOutcome($"the contents of {table} are not known (looked up \"{hit.Key}\")");
            case TableLookupStatus.Error:
                Warn(hit.Table?.UnavailableReason ?? $"{table}: table lookup problem");
                _notes.Add($"{table} cannot be read: the lookup fails");
                return CheckTableResult(table, "451 4.3.5 Server configuration error", datum, replyName, replyClass, defAcl);
        }

        _notes.Add($"{table}: \"{hit.Key}\" → {hit.Value} ({hit.Source})");
        return CheckTableResult(table, hit.Value!, datum, replyName, replyClass, defAcl, hit.Source);
    }

    /// <summary>check_table_result(): what an access-table value means.</summary>
    private int CheckTableResult(string table, string value, string datum, string replyName, string replyClass, string defAcl, string? source = null)
    {
        var cmdLength = value.AsSpan().IndexOfAny(" \t");
        if (cmdLength < 0)
        {
            cmdLength = value.Length;
        }

        var command = value[..cmdLength];
        var text = value[cmdLength..].TrimStart(' ', '\t', '\r', '\n', '\v', '\f');
        bool Is(string word) => command.Equals(word, StringComparison.OrdinalIgnoreCase);

        if (Is("DUNNO"))
        {
            _notes.Add("DUNNO: stop searching this table, no decision");
            return Dunno;
        }

        if (Is("REJECT"))
        {
            var (dsn, rest) = DsnSplit("5.7.1", text);
            return SmtpdCheckReject(false, _settings.GetInt("access_map_reject_code", 554), DsnFix(dsn, replyClass),
                $"<{replyName}>: {replyClass} rejected: {(rest.Length > 0 ? rest : "Access denied")}");
        }

        if (Is("DEFER"))
        {
            var (dsn, rest) = DsnSplit("4.7.1", text);
            return SmtpdCheckReject(false, _settings.GetInt("access_map_defer_code", 450), DsnFix(dsn, replyClass),
                $"<{replyName}>: {replyClass} rejected: {(rest.Length > 0 ? rest : "Access denied")}");
        }

        if (Is("HANGUP"))
        {
            throw new UnknownOutcome("HANGUP drops the connection without a reply");
        }

        if (Is("INFO") || Is("WARN"))
        {
            _notes.Add($"{command.ToUpperInvariant()}: logged only");
            return Dunno;
        }

        if (Is("FILTER") || Is("HOLD") || Is("REDIRECT") || Is("BCC") || Is("PREPEND"))
        {
            if (Sender is null)
            {
                Warn($"access table {table}: with smtpd_delay_reject=no, action {command.ToUpperInvariant()} is always skipped in Client host or Helo command restrictions");
            }

            _notes.Add($"{command.ToUpperInvariant()}: affects the message, not the reply");
            return Dunno;
        }

        if (Is("DISCARD"))
        {
            if (Sender is null)
            {
                Warn($"access table {table}: with smtpd_delay_reject=no, action DISCARD is always skipped in Client host or Helo command restrictions");
                return Dunno;
            }

            _notes.Add("DISCARD: the message is accepted and silently discarded; no further restrictions are evaluated");
            _discard = true;
            return Ok;
        }

        if (Is("DEFER_IF_PERMIT"))
        {
            var (dsn, rest) = DsnSplit("4.7.1", text);
            DeferIf(_deferIfPermit, _settings.GetInt("access_map_defer_code", 450), DsnFix(dsn, replyClass),
                $"<{replyName}>: {replyClass} rejected: {(rest.Length > 0 ? rest : "Service unavailable")}");
            return Dunno;
        }

        if (Is("DEFER_IF_REJECT"))
        {
            var (dsn, rest) = DsnSplit("4.7.1", text);
            DeferIf(_deferIfReject, _settings.GetInt("access_map_defer_code", 450), DsnFix(dsn, replyClass),
                $"<{replyName}>: {replyClass} rejected: {(rest.Length > 0 ? rest : "Service unavailable")}");
            return Dunno;
        }

        if (value.Length > 0 && value.All(char.IsAsciiDigit))
        {
            return Ok;
        }

        if (cmdLength == 3 && text.Length > 0 && value[0] is '4' or '5' && char.IsAsciiDigit(value[1]) && char.IsAsciiDigit(value[2]))
        {
            var code = int.Parse(value[..3], CultureInfo.InvariantCulture);
            var (dsn, rest) = DsnSplit(value[0] + ".7.1", text);
            return SmtpdCheckReject(false, code, DsnFix(dsn, replyClass), $"<{replyName}>: {replyClass} rejected: {(rest.Length > 0 ? rest : "Access denied")}");
        }

        if (Is("OK") || Is("RELAY"))
        {
            return Ok;
        }

        if (value.Contains(':', StringComparison.Ordinal))
        {
            Warn($"access table {table} has entry with lookup table: {value}");
            Warn("do not specify lookup tables inside SMTPD access maps");
            Warn("define a restriction class and specify its name instead.");
            ServerError();
        }

        if (_recursion > 100)
        {
            Warn($"access table {table} entry {value} causes unreasonable recursion");
            ServerError();
        }

        var restrictions = PostfixList.Split(value).Select(e => e.Text).ToImmutableArray();
        if (restrictions.IsEmpty)
        {
            Warn($"access table {table} entry {value} has empty value");
            return Ok;
        }

        _notes.Add($"the value is evaluated as restrictions: {value}");
        return GenericChecks($"{table} result", source ?? table, restrictions, replyName, replyClass, defAcl);
    }
}
