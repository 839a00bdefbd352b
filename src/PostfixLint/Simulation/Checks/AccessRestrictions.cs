using PostfixLint.Model.Tables;

namespace PostfixLint.Simulation.Checks;

/// <summary>The access-table checks: <c>check_{client,reverse_client_hostname,helo,sender,recipient,sasl,ccert,etrn}_access</c>.</summary>
internal static class AccessRestrictions
{
    public static void Register(Dictionary<string, RestrictionHandler> handlers)
    {
        handlers["check_client_access"] = (CheckContext c, in RestrictionCall call) =>
            CheckNamadrAccess(c, call.Argument, c.Session.NamAddr, ReplyClasses.Client, call.DefaultAccess);
        handlers["check_reverse_client_hostname_access"] = CheckReverseClientHostnameAccess;
        handlers["check_ccert_access"] = CheckCcertAccess;
        handlers["check_sasl_access"] = CheckSaslAccess;
        handlers["check_helo_access"] = (CheckContext c, in RestrictionCall call) =>
            c.HeloName is not { } helo ? CheckStatus.Dunno : CheckDomainAccess(c, call.Argument, helo, helo, ReplyClasses.Helo, call.DefaultAccess, out _);
        handlers["check_sender_access"] = CheckSenderAccess;
        handlers["check_recipient_access"] = (CheckContext c, in RestrictionCall call) =>
            c.Recipient is not { } recipient ? CheckStatus.Dunno : CheckMailAccess(c, call.Argument, recipient, ReplyClasses.Recipient, call.DefaultAccess);
        handlers["check_etrn_access"] = (CheckContext c, in RestrictionCall call) => CheckStatus.Dunno;
    }

    private static int CheckReverseClientHostnameAccess(CheckContext c, in RestrictionCall call)
    {
        var name = c.Session.Name;
        var status = CheckNamadrAccess(c, call.Argument, name, "Unverified Client host", call.DefaultAccess);
        if (!c.Discard && status == CheckStatus.Ok)
        {
            c.Warn($"restriction {call.Restriction.Name} returns OK for {name}");
            c.Warn("this is not allowed for security reasons");
            c.Warn("use DUNNO instead of OK if you want to make an exception");
            c.ServerError();
        }

        return status;
    }

    /// <summary>
    /// smtpd_check.c check_ccert_access(): a presented certificate (verified or not) is looked up by its fingerprint, then
    /// its public key's; the reply names the certificate's CommonName ("Client certificate rejected").
    /// </summary>
    private static int CheckCcertAccess(CheckContext c, in RestrictionCall call)
    {
        if (c.Session.ClientCert is { } cert)
        {
            // The default search order: the certificate fingerprint, then the public-key fingerprint (taken as unlisted
            // when the probe does not give it).
            var status = CheckAccess(c, call.Argument, cert.Fingerprint, cert.CommonName, ReplyClasses.Ccert, call.DefaultAccess);
            return status != CheckStatus.Dunno || cert.PkeyFingerprint is null
                ? status
                : CheckAccess(c, call.Argument, cert.PkeyFingerprint, cert.CommonName, ReplyClasses.Ccert, call.DefaultAccess);
        }

        if (!c.Settings.GetBool("smtpd_tls_ask_ccert"))
        {
            // Also without TLS: the warning comes before any look at the session (unlike permit_tls_clientcerts).
            c.Warn("check_ccert_access is requested, but \"smtpd_tls_ask_ccert = no\"");
        }

        c.Notes.Add(c.Session.Tls ? "the client presents no certificate" : "the session does not use TLS: no client certificate");
        return CheckStatus.Dunno;
    }

    private static int CheckSaslAccess(CheckContext c, in RestrictionCall call)
    {
        if (!c.Settings.GetBool("smtpd_sasl_auth_enable"))
        {
            c.Warn($"restriction `{call.Restriction.Name}' ignored: no SASL support");
            return CheckStatus.Dunno;
        }

        return c.Session.SaslUsername is { Length: > 0 } login
            ? CheckAccess(c, call.Argument, login, login, ReplyClasses.Sasl, call.DefaultAccess)
            : CheckStatus.Dunno;
    }

    private static int CheckSenderAccess(CheckContext c, in RestrictionCall call)
    {
        if (c.Sender is not { } sender)
        {
            return CheckStatus.Dunno;
        }

        return sender.Length > 0
            ? CheckMailAccess(c, call.Argument, sender, ReplyClasses.Sender, call.DefaultAccess)
            : CheckAccess(c, call.Argument, c.Settings.Get("smtpd_null_access_lookup_key"), sender, ReplyClasses.Sender, call.DefaultAccess);
    }

    /// <summary>check_namadr_access(): the client hostname and its parents first, then the address and its prefixes.</summary>
    private static int CheckNamadrAccess(CheckContext c, string table, string replyName, string replyClass, string defaultAccess)
    {
        var status = CheckDomainAccess(c, table, c.Session.Name, replyName, replyClass, defaultAccess, out var found);
        if (status != CheckStatus.Dunno || found)
        {
            return status;
        }

        return CheckAddrAccess(c, table, c.Session.Address, replyName, replyClass, defaultAccess);
    }

    /// <summary>check_domain_access(): the name, then its parent domains.</summary>
    private static int CheckDomainAccess(CheckContext c, string table, string domain, string replyName, string replyClass, string defaultAccess, out bool found)
    {
        var access = c.Tables.Open(table);
        var tried = new List<string>();
        foreach (var (key, partial) in AccessLookup.DomainKeys(domain, c.Classifier.ParentStyle("smtpd_access_maps"), HostSyntax.ValidHostaddr(domain)))
        {
            var hit = AccessLookup.MapsFind([access], key, partial, tried);
            if (hit.Status != TableLookupStatus.NotFound)
            {
                found = true;
                return TableHit(c, table, hit, replyName, replyClass, defaultAccess);
            }
        }

        c.Notes.Add($"{table}: no entry for {string.Join(", ", tried)}");
        found = false;
        return CheckStatus.Dunno;
    }

    /// <summary>check_addr_access(): the address, then its shorter prefixes.</summary>
    private static int CheckAddrAccess(CheckContext c, string table, string address, string replyName, string replyClass, string defaultAccess)
    {
        var access = c.Tables.Open(table);
        var tried = new List<string>();
        foreach (var (key, partial) in AccessLookup.AddressKeys(address))
        {
            var hit = AccessLookup.MapsFind([access], key, partial, tried);
            if (hit.Status != TableLookupStatus.NotFound)
            {
                return TableHit(c, table, hit, replyName, replyClass, defaultAccess);
            }
        }

        c.Notes.Add($"{table}: no entry for {string.Join(", ", tried)}");
        return CheckStatus.Dunno;
    }

    /// <summary>check_access(): one key.</summary>
    private static int CheckAccess(CheckContext c, string table, string key, string replyName, string replyClass, string defaultAccess)
    {
        var hit = AccessLookup.MapsFind([c.Tables.Open(table)], key, partial: false);
        if (hit.Status != TableLookupStatus.NotFound)
        {
            return TableHit(c, table, hit, replyName, replyClass, defaultAccess);
        }

        c.Notes.Add($"{table}: no entry for {key}");
        return CheckStatus.Dunno;
    }

    /// <summary>check_mail_access(): the resolved address, its domain and parents, and <c>localpart@</c>.</summary>
    private static int CheckMailAccess(CheckContext c, string table, string address, string replyClass, string defaultAccess)
    {
        var reply = c.Resolve(address);
        if (!reply.Address.Contains('@', StringComparison.Ordinal))
        {
            c.Warn($"check_mail_access: no @domain in address: {reply.Address}");
            return CheckStatus.Dunno;
        }

        var strategy = AccessLookup.Strategy.Full | AccessLookup.Strategy.NoExtension | AccessLookup.Strategy.Domain | AccessLookup.Strategy.LocalpartAt
                       | (c.Classifier.ParentStyle("smtpd_access_maps") ? AccessLookup.Strategy.ParentDomains : AccessLookup.Strategy.DotParentDomains);
        var hit = AccessLookup.MailAddrFind([c.Tables.Open(table)], reply.Address, strategy, c.Settings.Get("recipient_delimiter"), _ => false);
        if (hit.Status == TableLookupStatus.NotFound)
        {
            c.Notes.Add($"{table}: no entry for {string.Join(", ", hit.KeysTried)}");
            return CheckStatus.Dunno;
        }

        var status = TableHit(c, table, hit, address, replyClass, defaultAccess);
        if (status == CheckStatus.Ok && !c.Settings.GetBool("allow_untrusted_routing") && reply.Routed && replyClass == ReplyClasses.Recipient)
        {
            c.Notes.Add($"OK is ignored for the source-routed recipient {address} (allow_untrusted_routing = no)");
            return CheckStatus.Dunno;
        }

        return status;
    }

    /// <summary>A table answered: unknown contents, a lookup error (451), or a value for check_table_result().</summary>
    private static int TableHit(CheckContext c, string table, LookupHit hit, string replyName, string replyClass, string defaultAccess)
    {
        switch (hit.Status)
        {
            case TableLookupStatus.Unknown:
                throw new UnknownOutcome(hit.Entry?.Reason ?? $"the contents of {table} are not known (looked up \"{hit.Key}\")");
            case TableLookupStatus.Error:
                c.Warn(hit.Table?.UnavailableReason ?? $"{table}: table lookup problem");
                c.Notes.Add($"{table} cannot be read: the lookup fails");
                return AccessTableResult.Evaluate(c, table, "451 4.3.5 Server configuration error", null, replyName, replyClass, defaultAccess);
        }

        var entry = TraceSources.TableEntry(c.Tables, hit, table);
        c.TableEntry = entry;
        c.Notes.Add($"{table}: \"{hit.Key}\" -> {hit.Value} ({hit.Source})");
        return AccessTableResult.Evaluate(c, table, hit.Value!, entry, replyName, replyClass, defaultAccess);
    }
}
