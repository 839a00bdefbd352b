namespace PostfixLint.Simulation.Checks;

/// <summary>Restrictions on the client: <c>permit_mynetworks</c>, <c>permit_inet_interfaces</c>, <c>reject_unknown_client_hostname</c>, TLS, ...</summary>
internal static class ClientRestrictions
{
    public static void Register(Dictionary<string, RestrictionHandler> handlers)
    {
        handlers["permit_mynetworks"] = PermitMynetworks;
        handlers["permit_inet_interfaces"] = PermitInetInterfaces;
        handlers["reject_unknown_client_hostname"] = RejectUnknownClientHostname;
        handlers["reject_unknown_client"] = RejectUnknownClientHostname;
        handlers["reject_unknown_reverse_client_hostname"] = RejectUnknownReverseClientHostname;
        handlers["reject_plaintext_session"] = RejectPlaintextSession;
        handlers["permit_tls_all_clientcerts"] = PermitTlsClientcerts;
        handlers["permit_tls_clientcerts"] = PermitTlsClientcerts;
    }

    private static int PermitMynetworks(CheckContext c, in RestrictionCall call)
    {
        var settings = c.Settings;
        var session = c.Session;
        var value = settings.Get("mynetworks");
        var result = MatchLists.MatchNamadr(c.Tables, "mynetworks", value, session.Name, session.Address, c.Classifier.ParentStyle("mynetworks"));
        var shown = $"mynetworks ({TraceText.Clip(value)}; {settings.Origin("mynetworks")})";
        switch (result.Outcome)
        {
            case MatchOutcome.Match:
                c.Notes.Add($"{session.Address} is in {shown}: pattern {TraceText.ClipOrNull(result.Pattern)}");
                return CheckStatus.Ok;
            case MatchOutcome.Error:
                c.Warn(result.Detail ?? "mynetworks: table lookup problem");
                c.Notes.Add($"matching {session.Address} against mynetworks fails at {TraceText.ClipOrNull(result.Pattern)}");
                return CheckStatus.DictRetry;
            case MatchOutcome.Unknown:
                throw new UnknownOutcome($"mynetworks: {result.Detail}");
        }

        c.Notes.Add(result.Pattern is null
            ? $"{session.Address} is not in {shown}"
            : $"{session.Address} is excluded from mynetworks by {TraceText.ClipOrNull(result.Pattern)} ({settings.Origin("mynetworks")})");
        return CheckStatus.Dunno;
    }

    private static int PermitInetInterfaces(CheckContext c, in RestrictionCall call)
    {
        var session = c.Session;
        if (c.Classifier.InterfaceAddresses(c.Settings.Get("inet_interfaces")).Any(a => a.Equals(session.IpAddress)))
        {
            c.Notes.Add($"{session.Address} is an address of inet_interfaces");
            return CheckStatus.Ok;
        }

        c.Notes.Add($"{session.Address} is not an address of inet_interfaces ({c.Settings.Get("inet_interfaces")})");
        return CheckStatus.Dunno;
    }

    private static int RejectUnknownClientHostname(CheckContext c, in RestrictionCall call)
    {
        if (c.Session.Name != "unknown")
        {
            c.Notes.Add($"the client hostname {c.Session.Name} is verified");
            return CheckStatus.Dunno;
        }

        c.Notes.Add("the client has no verified hostname (client_name not given)");
        return c.Reject(c.Settings.GetInt("unknown_client_reject_code", 450), "4.7.25", $"Client host rejected: cannot find your hostname, [{c.Session.Address}]");
    }

    private static int RejectUnknownReverseClientHostname(CheckContext c, in RestrictionCall call) =>
        c.Session.Name != "unknown"
            ? CheckStatus.Dunno
            : c.Reject(c.Settings.GetInt("unknown_client_reject_code", 450), "4.7.1", $"Client host rejected: cannot find your reverse hostname, [{c.Session.Address}]");

    private static int RejectPlaintextSession(CheckContext c, in RestrictionCall call) =>
        c.Session.Tls ? CheckStatus.Dunno : c.Reject(c.Settings.GetInt("plaintext_reject_code", 450), "4.7.1", "Session encryption is required");

    /// <summary>
    /// smtpd_check.c permit_tls_clientcerts(): DUNNO without TLS; OK for any verified certificate under
    /// permit_tls_all_clientcerts; otherwise a presented certificate (verified or not) is looked up by fingerprint in
    /// relay_clientcerts, first the certificate's, then its public key's.
    /// </summary>
    private static int PermitTlsClientcerts(CheckContext c, in RestrictionCall call)
    {
        var session = c.Session;
        if (!session.Tls)
        {
            c.Notes.Add("the session does not use TLS");
            return CheckStatus.Dunno;
        }

        var permitAll = call.Name == "permit_tls_all_clientcerts";
        if (session.ClientCert is not { } cert)
        {
            if (!c.Settings.GetBool("smtpd_tls_ask_ccert"))
            {
                c.Warn($"{call.Name} is requested, but \"smtpd_tls_ask_ccert = no\"");
            }

            c.Notes.Add("the client presents no certificate");
            return CheckStatus.Dunno;
        }

        if (cert.Verified && permitAll)
        {
            c.Notes.Add($"the client certificate {cert.Fingerprint} is verified: every verified certificate may relay");
            return CheckStatus.Ok;
        }

        var maps = c.OpenMaps("relay_clientcerts");
        foreach (var print in new[] { cert.Fingerprint, cert.PkeyFingerprint })
        {
            if (print is null)
            {
                continue;
            }

            var hit = AccessLookup.MapsFind(maps, print, partial: false);
            switch (hit.Status)
            {
                case Model.Tables.TableLookupStatus.Unknown:
                    throw new UnknownOutcome(hit.Entry?.Reason ?? $"relay_clientcerts: the contents of {hit.Table?.Spec} are not known (looked up \"{hit.Key}\")");
                case Model.Tables.TableLookupStatus.Error:
                    c.Warn($"relay_clientcerts: lookup error for fingerprint '{cert.Fingerprint}', pkey fingerprint {cert.PkeyFingerprint}");
                    c.Notes.Add($"relay_clientcerts: {hit.Table?.Spec} cannot be read");
                    return CheckStatus.DictRetry;
                case Model.Tables.TableLookupStatus.Found:
                    c.TableEntry = TraceSources.TableEntry(c.Tables, hit, hit.Table?.Spec ?? "relay_clientcerts");
                    c.Notes.Add($"relay_clientcerts lists the client {(print == cert.Fingerprint ? "certificate" : "public key")} {print} ({hit.Source}: {hit.Key} -> {hit.Value})");
                    return CheckStatus.Ok;
            }
        }

        c.Notes.Add($"relay_clientcerts ({c.Settings.Get("relay_clientcerts")}) does not list the client certificate {cert.Fingerprint}{(cert.Verified ? "" : " (not verified)")}"
                    + (cert.PkeyFingerprint is null ? "; its public-key fingerprint is not given and taken as unlisted" : $" or its public key {cert.PkeyFingerprint}"));
        return CheckStatus.Dunno;
    }
}
