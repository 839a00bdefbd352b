namespace PostfixLint.Simulation.Checks;

/// <summary>Restrictions on the HELO name's syntax: <c>reject_invalid_helo_hostname</c>, <c>reject_non_fqdn_helo_hostname</c>, ...</summary>
internal static class HeloRestrictions
{
    public static void Register(Dictionary<string, RestrictionHandler> handlers)
    {
        handlers["reject_non_fqdn_helo_hostname"] = RejectNonFqdnHelo;
        handlers["reject_non_fqdn_hostname"] = RejectNonFqdnHelo;
        handlers["reject_invalid_helo_hostname"] = RejectInvalidHelo;
        handlers["reject_invalid_hostname"] = RejectInvalidHelo;
        handlers["permit_naked_ip_address"] = PermitNakedIpAddress;
    }

    /// <summary>reject_invalid_hostaddr(): a HELO address literal must be a valid address.</summary>
    public static int RejectInvalidHostaddr(CheckContext c, string helo)
    {
        var test = helo.Length > 2 && helo[0] == '[' && helo[^1] == ']' ? helo[1..^1] : helo;
        if (!HostSyntax.ValidMailhostAddr(test))
        {
            return c.Reject(c.Settings.GetInt("invalid_hostname_reject_code", 501), "5.5.2", $"<{helo}>: {ReplyClasses.Helo} rejected: invalid ip address");
        }

        return CheckStatus.Dunno;
    }

    private static int RejectNonFqdnHelo(CheckContext c, in RestrictionCall call) =>
        c.HeloName is not { } helo ? CheckStatus.Dunno : helo.StartsWith('[') ? RejectInvalidHostaddr(c, helo) : RejectNonFqdnHostname(c, helo);

    private static int RejectInvalidHelo(CheckContext c, in RestrictionCall call) =>
        c.HeloName is not { } helo ? CheckStatus.Dunno : helo.StartsWith('[') ? RejectInvalidHostaddr(c, helo) : RejectInvalidHostname(c, helo);

    private static int PermitNakedIpAddress(CheckContext c, in RestrictionCall call)
    {
        c.Warn("restriction permit_naked_ip_address is deprecated. Use permit_mynetworks or permit_sasl_authenticated instead");
        if (c.HeloName is { } helo && helo.All(ch => char.IsAsciiDigit(ch) || ch is '.' or ':'))
        {
            var naked = RejectInvalidHostaddr(c, helo);
            return naked == CheckStatus.Dunno ? CheckStatus.Ok : naked;
        }

        return CheckStatus.Dunno;
    }

    private static int RejectInvalidHostname(CheckContext c, string helo)
    {
        var test = HostSyntax.DupIfTruncate(helo);
        if (!HostSyntax.ValidHostname(test) && !HostSyntax.ValidHostaddr(test))
        {
            return c.Reject(c.Settings.GetInt("invalid_hostname_reject_code", 501), "5.5.2", $"<{helo}>: {ReplyClasses.Helo} rejected: Invalid name");
        }

        return CheckStatus.Dunno;
    }

    private static int RejectNonFqdnHostname(CheckContext c, string helo)
    {
        var test = HostSyntax.DupIfTruncate(helo);
        // smtpd_check.c reject_non_fqdn_hostname(): non-ASCII names pass only when the client requested SMTPUTF8 (at
        // RCPT time with smtpd_delay_reject, after MAIL FROM set the flag).
        if (!MidnaDomain.ValidUtf8Hostname(c.Smtputf8, test) || !test.Contains('.', StringComparison.Ordinal))
        {
            return c.Reject(c.Settings.GetInt("non_fqdn_reject_code", 504), "5.5.2", $"<{helo}>: {ReplyClasses.Helo} rejected: need fully-qualified hostname");
        }

        return CheckStatus.Dunno;
    }
}
