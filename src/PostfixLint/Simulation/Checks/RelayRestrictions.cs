namespace PostfixLint.Simulation.Checks;

/// <summary>Relay control: <c>reject_unauth_destination</c>, <c>permit_auth_destination</c>, <c>check_relay_domains</c>, <c>permit_mx_backup</c>.</summary>
internal static class RelayRestrictions
{
    public static void Register(Dictionary<string, RestrictionHandler> handlers)
    {
        handlers["reject_unauth_destination"] = (CheckContext c, in RestrictionCall call) =>
            c.Recipient is null ? CheckStatus.Dunno : RejectUnauthDestination(c, c.Recipient, c.Settings.GetInt("relay_domains_reject_code", 554), "5.7.1");
        handlers["defer_unauth_destination"] = (CheckContext c, in RestrictionCall call) =>
            c.Recipient is null ? CheckStatus.Dunno : RejectUnauthDestination(c, c.Recipient, c.Settings.GetInt("relay_domains_reject_code", 554) - 100, "4.7.1");
        handlers["permit_auth_destination"] = (CheckContext c, in RestrictionCall call) =>
            c.Recipient is null ? CheckStatus.Dunno : PermitAuthDestination(c, c.Recipient);
        handlers["check_relay_domains"] = CheckRelayDomains;
        handlers["permit_mx_backup"] = PermitMxBackup;
    }

    private static int PermitAuthDestination(CheckContext c, string recipient)
    {
        var reply = c.Resolve(recipient);
        if (reply.Explanation.Length > 0)
        {
            c.Notes.Add(reply.Explanation);
        }

        if (!c.Settings.GetBool("allow_untrusted_routing") && reply.Routed)
        {
            c.Notes.Add($"{recipient} is source-routed and allow_untrusted_routing = no: never an authorized destination");
            return CheckStatus.Dunno;
        }

        return reply.IsAuthorizedDestination ? CheckStatus.Ok : CheckStatus.Dunno;
    }

    private static int RejectUnauthDestination(CheckContext c, string recipient, int code, string dsn) =>
        PermitAuthDestination(c, recipient) == CheckStatus.Ok ? CheckStatus.Dunno : c.Reject(code, dsn, $"<{recipient}>: Relay access denied");

    private static int CheckRelayDomains(CheckContext c, in RestrictionCall call)
    {
        c.Warn("support for restriction \"check_relay_domains\" will be removed from Postfix; use \"reject_unauth_destination\" instead");
        if (c.Recipient is not { } recipient)
        {
            return CheckStatus.Dunno;
        }

        if (call.NextToken is { } next && c.WarnIfReject == 0)
        {
            c.Warn($"restriction `{next}' after `check_relay_domains' is ignored");
        }

        var client = MatchLists.MatchDomain(c.Tables, "relay_domains", c.Settings.Get("relay_domains"), c.Session.Name, c.Classifier.ParentStyle("relay_domains"));
        if (client.Outcome == MatchOutcome.Match)
        {
            c.Notes.Add($"the client hostname {c.Session.Name} matches relay_domains");
            return CheckStatus.Ok;
        }

        if (PermitAuthDestination(c, recipient) == CheckStatus.Ok)
        {
            return CheckStatus.Ok;
        }

        return c.Reject(c.Settings.GetInt("relay_domains_reject_code", 554), "5.7.1", $"<{call.ReplyName}>: {call.ReplyClass} rejected: Relay access denied");
    }

    private static int PermitMxBackup(CheckContext c, in RestrictionCall call)
    {
        if (c.Recipient is not { } recipient)
        {
            return CheckStatus.Dunno;
        }

        var mx = c.Resolve(recipient);
        if (!(mx.Routed && !c.Settings.GetBool("allow_untrusted_routing")) && mx.IsAuthorizedDestination)
        {
            c.Notes.Add($"{mx.Domain} is an authorized destination ({mx.Class})");
            return CheckStatus.Ok;
        }

        throw new UnknownOutcome($"permit_mx_backup needs the DNS MX records of {mx.Domain}");
    }
}
