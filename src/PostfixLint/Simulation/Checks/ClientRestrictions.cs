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
        var shown = $"mynetworks ({value}; {settings.Origin("mynetworks")})";
        switch (result.Outcome)
        {
            case MatchOutcome.Match:
                c.Notes.Add($"{session.Address} is in {shown}: pattern {result.Pattern}");
                return CheckStatus.Ok;
            case MatchOutcome.Error:
                c.Warn(result.Detail ?? "mynetworks: table lookup problem");
                c.Notes.Add($"matching {session.Address} against mynetworks fails at {result.Pattern}");
                return CheckStatus.DictRetry;
            case MatchOutcome.Unknown:
                throw new UnknownOutcome($"mynetworks: {result.Detail}");
        }

        c.Notes.Add(result.Pattern is null
            ? $"{session.Address} is not in {shown}"
            : $"{session.Address} is excluded from mynetworks by {result.Pattern} ({settings.Origin("mynetworks")})");
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

    private static int PermitTlsClientcerts(CheckContext c, in RestrictionCall call)
    {
        if (!c.Settings.GetBool("smtpd_tls_ask_ccert"))
        {
            c.Warn($"{call.Name} is requested, but \"smtpd_tls_ask_ccert = no\"");
        }

        c.Notes.Add("the simulated client presents no certificate");
        return CheckStatus.Dunno;
    }
}
