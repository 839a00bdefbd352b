using PostfixLint.Model.Values;

namespace PostfixLint.Simulation.Checks;

/// <summary>
/// Restrictions whose answer lies outside the configuration: DNS allow/block lists, DNS-based checks,
/// <c>check_*_{ns,mx,a}_access</c> and <c>check_policy_service</c>. They decide only where smtpd skips them.
/// </summary>
internal static class ExternalRestrictions
{
    private static readonly (string Name, string Subject)[] s_dnsAccess =
    [
        ("check_client_ns_access", "client hostname"), ("check_client_mx_access", "client hostname"), ("check_client_a_access", "client hostname"),
        ("check_reverse_client_hostname_ns_access", "client hostname"), ("check_reverse_client_hostname_mx_access", "client hostname"),
        ("check_reverse_client_hostname_a_access", "client hostname"),
        ("check_helo_ns_access", "HELO name"), ("check_helo_mx_access", "HELO name"), ("check_helo_a_access", "HELO name"),
        ("check_sender_ns_access", "sender domain"), ("check_sender_mx_access", "sender domain"), ("check_sender_a_access", "sender domain"),
        ("check_recipient_ns_access", "recipient domain"), ("check_recipient_mx_access", "recipient domain"), ("check_recipient_a_access", "recipient domain"),
    ];

    public static void Register(Dictionary<string, RestrictionHandler> handlers)
    {
        handlers["check_policy_service"] = (CheckContext c, in RestrictionCall call) =>
            Unknown(c, $"the answer depends on the policy service {call.Argument}");
        foreach (var name in RestrictionList.DnsxlRestrictions)
        {
            handlers[name] = Dnsxl;
        }

        foreach (var name in new[] { "reject_unknown_helo_hostname", "reject_unknown_hostname" })
        {
            handlers[name] = RejectUnknownHeloHostname;
        }

        foreach (var name in new[] { "reject_unknown_sender_domain", "reject_unknown_address" })
        {
            handlers[name] = (CheckContext c, in RestrictionCall call) => string.IsNullOrEmpty(c.Sender) ? CheckStatus.Dunno : UnknownAddress(c, call.Name, c.Sender);
        }

        handlers["reject_unknown_recipient_domain"] = (CheckContext c, in RestrictionCall call) =>
            string.IsNullOrEmpty(c.Recipient) ? CheckStatus.Dunno : UnknownAddress(c, call.Name, c.Recipient);
        handlers["reject_unverified_sender"] = (CheckContext c, in RestrictionCall call) =>
            string.IsNullOrEmpty(c.Sender) ? CheckStatus.Dunno : Unknown(c, NeedsDns(call.Name));
        handlers["reject_unverified_recipient"] = (CheckContext c, in RestrictionCall call) =>
            string.IsNullOrEmpty(c.Recipient) ? CheckStatus.Dunno : Unknown(c, NeedsDns(call.Name));
        handlers["reject_maps_rbl"] = (CheckContext c, in RestrictionCall call) => Unknown(c, NeedsDns(call.Name));
        foreach (var (name, subject) in s_dnsAccess)
        {
            handlers[name] = (CheckContext c, in RestrictionCall call) =>
                SkipsDnsAccess(c, subject) ? CheckStatus.Dunno : Unknown(c, $"{name} needs the DNS records of the {subject}");
        }
    }

    private static string NeedsDns(string name) => $"{name} needs DNS or address verification";

    // The answer lies outside the configuration: the simulation stops there, unless the session is one explain replays
    // from a logged reject, where such a restriction is taken not to have decided (the log shows how far it got).
    private static int Unknown(CheckContext c, string reason)
    {
        if (!c.Session.AssumeExternalDunno)
        {
            throw new UnknownOutcome(reason);
        }

        c.Notes.Add(RelaySimulator.ExternalAssumedNote + reason);
        return CheckStatus.Dunno;
    }

    private static bool SkipsDnsAccess(CheckContext c, string subject) => subject switch
    {
        "client hostname" => c.Session.Name == "unknown",
        "HELO name" => c.HeloName is null,
        "sender domain" => string.IsNullOrEmpty(c.Sender),
        _ => string.IsNullOrEmpty(c.Recipient),
    };

    private static int Dnsxl(CheckContext c, in RestrictionCall call)
    {
        var lower = call.Name;
        if (lower is "reject_rhsbl_client" or "permit_rhswl_client" or "reject_rhsbl_reverse_client" && c.Session.Name == "unknown")
        {
            return CheckStatus.Dunno;
        }

        if ((lower == "reject_rhsbl_helo" && c.HeloName is null) || (lower == "reject_rhsbl_sender" && string.IsNullOrEmpty(c.Sender)))
        {
            return CheckStatus.Dunno;
        }

        return Unknown(c, $"{call.Restriction.Name} {call.Argument} needs a DNS lookup");
    }

    private static int RejectUnknownHeloHostname(CheckContext c, in RestrictionCall call)
    {
        if (c.HeloName is not { } helo)
        {
            return CheckStatus.Dunno;
        }

        if (helo.StartsWith('['))
        {
            return HeloRestrictions.RejectInvalidHostaddr(c, helo);
        }

        return Unknown(c, $"{call.Name} needs the DNS A/AAAA/MX records of {helo}");
    }

    private static int UnknownAddress(CheckContext c, string name, string address)
    {
        var resolved = c.Resolve(address);
        if (resolved.Class is AddressClass.Local or AddressClass.VirtualAlias or AddressClass.VirtualMailbox || resolved.Domain.StartsWith('['))
        {
            c.Notes.Add($"{resolved.Domain} is a final destination of this host: no DNS lookup");
            return CheckStatus.Dunno;
        }

        return Unknown(c, $"{name} needs the DNS MX/A records of {resolved.Domain}");
    }
}
