using PostfixLint.Model.Tables;

namespace PostfixLint.Simulation.Checks;

/// <summary>Restrictions on the envelope addresses: <c>reject_non_fqdn_*</c> and recipient validation (<c>check_rcpt_maps()</c>).</summary>
internal static class AddressRestrictions
{
    public static void Register(Dictionary<string, RestrictionHandler> handlers)
    {
        handlers["reject_non_fqdn_sender"] = (CheckContext c, in RestrictionCall call) =>
            string.IsNullOrEmpty(c.Sender) ? CheckStatus.Dunno : RejectNonFqdnAddress(c, c.Sender, ReplyClasses.Sender);
        handlers["reject_non_fqdn_recipient"] = (CheckContext c, in RestrictionCall call) =>
            c.Recipient is null ? CheckStatus.Dunno : RejectNonFqdnAddress(c, c.Recipient, ReplyClasses.Recipient);
        handlers["reject_unlisted_sender"] = (CheckContext c, in RestrictionCall call) =>
            string.IsNullOrEmpty(c.Sender) ? CheckStatus.Dunno : CheckSenderRcptMaps(c, c.Sender);
        handlers["reject_unlisted_recipient"] = RejectUnlistedRecipient;
        handlers["check_recipient_maps"] = RejectUnlistedRecipient;
    }

    /// <summary>reject_unlisted_recipient, at most once per RCPT TO unless under warn_if_reject.</summary>
    public static int CheckRecipientRcptMaps(CheckContext c, string recipient) => CheckRcptMapsOnce(c, recipient, ReplyClasses.Recipient);

    /// <summary>reject_unlisted_sender, at most once per MAIL FROM unless under warn_if_reject.</summary>
    public static int CheckSenderRcptMaps(CheckContext c, string sender) => CheckRcptMapsOnce(c, sender, ReplyClasses.Sender);

    private static int CheckRcptMapsOnce(CheckContext c, string address, string replyClass)
    {
        var sender = replyClass == ReplyClasses.Sender;
        if (sender ? c.SenderMapChecked : c.RecipientMapChecked)
        {
            return CheckStatus.Dunno;
        }

        // smtpd_check.c: a check under warn_if_reject does not count as done.
        if (c.WarnIfReject == 0)
        {
            if (sender)
            {
                c.SenderMapChecked = true;
            }
            else
            {
                c.RecipientMapChecked = true;
            }
        }

        return CheckRcptMaps(c, address, replyClass);
    }

    private static int RejectUnlistedRecipient(CheckContext c, in RestrictionCall call) =>
        string.IsNullOrEmpty(c.Recipient) ? CheckStatus.Dunno : CheckRecipientRcptMaps(c, c.Recipient);

    private static int RejectNonFqdnAddress(CheckContext c, string address, string replyClass)
    {
        var at = address.LastIndexOf('@');
        var domain = at >= 0 ? address[(at + 1)..] : "";
        if (domain.Length > 0 && domain[0] == '[' && domain[^1] == ']')
        {
            return CheckStatus.Dunno;
        }

        var test = HostSyntax.DupIfTruncate(domain);
        // smtpd_check.c reject_non_fqdn_address(): non-ASCII names pass only when the client requested SMTPUTF8.
        if (test.Length == 0 || !MidnaDomain.ValidUtf8Hostname(c.Smtputf8, test) || !test.Contains('.', StringComparison.Ordinal))
        {
            return c.Reject(c.Settings.GetInt("non_fqdn_reject_code", 504), "4.5.2", $"<{address}>: {replyClass} rejected: need fully-qualified address");
        }

        return CheckStatus.Dunno;
    }

    /// <summary>check_rcpt_maps(): canonical and virtual alias maps accept; otherwise the address class's own table decides.</summary>
    private static int CheckRcptMaps(CheckContext c, string address, string replyClass)
    {
        var reply = c.Resolve(address);
        if (Matches(c, address, reply, "recipient_canonical_maps") || (replyClass == ReplyClasses.Sender && Matches(c, address, reply, "sender_canonical_maps"))
            || Matches(c, address, reply, "canonical_maps") || Matches(c, address, reply, "virtual_alias_maps"))
        {
            return CheckStatus.Dunno;
        }

        // relocated_maps is searched next, before the error transport and the class's own table: on the real instance a
        // relocated address in a virtual alias domain gets 5.1.6, not "User unknown in virtual alias table".
        if (Relocated(c, address, reply) is { } newLocation)
        {
            return c.Reject(550, DsnCodes.Fix("5.1.6", replyClass), $"<{address}>: {replyClass} rejected: User has moved to {newLocation}");
        }

        var detail = replyClass == ReplyClasses.Sender ? "5.1.0" : "5.1.1";
        if (reply.Transport == "error")
        {
            var (dsn, text) = DsnCodes.Split(detail, reply.Nexthop);
            c.Notes.Add($"{address} resolves to the error transport: {reply.Nexthop}");
            return c.Reject(reply.Class == AddressClass.VirtualAlias ? c.Settings.GetInt("unknown_virtual_alias_reject_code", 550) : 550,
                DsnCodes.Fix(dsn, replyClass), $"<{address}>: {replyClass} rejected: {text}");
        }

        var showTable = c.Settings.GetBool("show_user_unknown_table_name");
        switch (reply.Class)
        {
            case AddressClass.Local:
                return CheckLocalRecipient(c, address, reply, replyClass, detail, showTable);
            case AddressClass.VirtualMailbox:
                if (c.Settings.Get("virtual_mailbox_maps").Length > 0 && !Matches(c, address, reply, "virtual_mailbox_maps"))
                {
                    c.Notes.Add($"{reply.Address} is not in virtual_mailbox_maps");
                    return c.Reject(c.Settings.GetInt("unknown_virtual_mailbox_reject_code", 550), detail,
                        $"<{address}>: {replyClass} rejected: User unknown{(showTable ? " in virtual mailbox table" : "")}");
                }

                break;
            case AddressClass.Relay:
                if (c.Settings.Get("relay_recipient_maps").Length > 0 && !Matches(c, address, reply, "relay_recipient_maps"))
                {
                    c.Notes.Add($"{reply.Address} is not in relay_recipient_maps");
                    return c.Reject(c.Settings.GetInt("unknown_relay_recipient_reject_code", 550), detail,
                        $"<{address}>: {replyClass} rejected: User unknown{(showTable ? " in relay recipient table" : "")}");
                }

                break;
        }

        return CheckStatus.Dunno;
    }

    private static int CheckLocalRecipient(CheckContext c, string address, ResolvedAddress reply, string replyClass, string detail, bool showTable)
    {
        if (c.Settings.Get("local_recipient_maps").Length == 0)
        {
            c.Notes.Add("local_recipient_maps is empty: every local recipient is accepted");
            return CheckStatus.Dunno;
        }

        var at = reply.Address.LastIndexOf('@');
        var local = at >= 0 ? reply.Address[..at] : reply.Address;
        foreach (var exempt in new[] { c.Settings.Get("double_bounce_sender"), "postmaster", "mailer-daemon" })
        {
            if (local.Equals(exempt, StringComparison.OrdinalIgnoreCase))
            {
                c.Notes.Add($"{local} is always accepted for local domains");
                return CheckStatus.Dunno;
            }
        }

        if (Matches(c, address, reply, "local_recipient_maps"))
        {
            return CheckStatus.Dunno;
        }

        c.Notes.Add($"{reply.Address} is not in local_recipient_maps ({c.Settings.Get("local_recipient_maps")}; {c.Settings.Origin("local_recipient_maps")})"
                    + (c.Tables.PasswdPath is { } passwd ? $"; local users from {passwd}" : ""));
        return c.Reject(c.Settings.GetInt("unknown_local_recipient_reject_code", 550), detail,
            $"<{address}>: {replyClass} rejected: User unknown{(showTable ? " in local recipient table" : "")}");
    }

    /// <summary>The new location relocated_maps gives <paramref name="address"/> (user@domain, user, @domain as mail_addr_find() searches), or null.</summary>
    private static string? Relocated(CheckContext c, string address, ResolvedAddress reply)
    {
        var maps = c.OpenMaps("relocated_maps");
        if (maps.Count == 0)
        {
            return null;
        }

        var hit = AccessLookup.MailAddrFind(maps, reply.Address, AccessLookup.Strategy.Default, c.Settings.Get("recipient_delimiter"), c.IsLocalForLookup);
        c.CheckMapsHit(hit, "relocated_maps", address);
        if (hit.Status != TableLookupStatus.Found)
        {
            return null;
        }

        c.TableEntry = TraceSources.TableEntry(c.Tables, hit, hit.Table?.Spec ?? "relocated_maps");
        c.Notes.Add($"{address} is in relocated_maps ({hit.Source}: {hit.Key}): the user has moved to {hit.Value}");
        return hit.Value;
    }

    /// <summary>True when the resolved address is found in the maps of <paramref name="parameter"/> (a lookup error ends the stage).</summary>
    private static bool Matches(CheckContext c, string address, ResolvedAddress reply, string parameter)
    {
        var maps = c.OpenMaps(parameter);
        if (maps.Count == 0)
        {
            return false;
        }

        var hit = AccessLookup.MailAddrFind(maps, reply.Address, AccessLookup.Strategy.Default, c.Settings.Get("recipient_delimiter"), c.IsLocalForLookup);
        c.CheckMapsHit(hit, parameter, address);
        if (hit.Status == TableLookupStatus.Found)
        {
            c.TableEntry = TraceSources.TableEntry(c.Tables, hit, hit.Table?.Spec ?? parameter);
            c.Notes.Add($"{address} matches {parameter} ({hit.Source}: {hit.Key}): accepted");
            return true;
        }

        return false;
    }
}
