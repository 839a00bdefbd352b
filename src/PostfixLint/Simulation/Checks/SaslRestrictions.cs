using PostfixLint.Model.Tables;
using PostfixLint.Model.Values;

namespace PostfixLint.Simulation.Checks;

/// <summary>SASL restrictions: <c>permit_sasl_authenticated</c> and the sender/login mismatch checks (<c>smtpd_sender_login_maps</c>).</summary>
internal static class SaslRestrictions
{
    public static void Register(Dictionary<string, RestrictionHandler> handlers)
    {
        handlers["permit_sasl_authenticated"] = PermitSaslAuthenticated;
        handlers["reject_authenticated_sender_login_mismatch"] = (CheckContext c, in RestrictionCall call) =>
            !SaslSupport(c, call.Name) || string.IsNullOrEmpty(c.Sender) ? CheckStatus.Dunno : RejectAuthSenderLoginMismatch(c, c.Sender, allowUnknown: false);
        handlers["reject_known_sender_login_mismatch"] = RejectKnownSenderLoginMismatch;
        handlers["reject_unauthenticated_sender_login_mismatch"] = (CheckContext c, in RestrictionCall call) =>
            !SaslSupport(c, call.Name) || string.IsNullOrEmpty(c.Sender) ? CheckStatus.Dunno : RejectUnauthSenderLoginMismatch(c, c.Sender);
    }

    private static int PermitSaslAuthenticated(CheckContext c, in RestrictionCall call)
    {
        var session = c.Session;
        if (!session.SaslActive)
        {
            c.Notes.Add(session.SaslEnabled
                ? "SASL is not active in this session (smtpd_tls_auth_only: AUTH only after STARTTLS)"
                : $"SASL is not enabled on this listener ({c.Settings.Describe("smtpd_sasl_auth_enable")}): permit_sasl_authenticated never matches");
            return CheckStatus.Dunno;
        }

        if (session.SaslUsername is null)
        {
            c.Notes.Add("the client did not authenticate");
            return CheckStatus.Dunno;
        }

        c.Notes.Add($"the client authenticated as {session.SaslUsername}");
        return CheckStatus.Ok;
    }

    private static int RejectKnownSenderLoginMismatch(CheckContext c, in RestrictionCall call)
    {
        if (!SaslSupport(c, call.Name) || string.IsNullOrEmpty(c.Sender))
        {
            return CheckStatus.Dunno;
        }

        return c.Session.SaslUsername is not null ? RejectAuthSenderLoginMismatch(c, c.Sender, allowUnknown: true) : RejectUnauthSenderLoginMismatch(c, c.Sender);
    }

    private static bool SaslSupport(CheckContext c, string name)
    {
        if (c.Settings.GetBool("smtpd_sasl_auth_enable"))
        {
            return true;
        }

        c.Warn($"restriction `{name}' ignored: no SASL support");
        c.Notes.Add($"ignored: smtpd_sasl_auth_enable is off on this listener ({c.Settings.Origin("smtpd_sasl_auth_enable")})");
        return false;
    }

    private static LookupHit SenderLoginLookup(CheckContext c, string sender)
    {
        var reply = c.Resolve(sender);
        var maps = c.OpenMaps("smtpd_sender_login_maps");
        var hit = AccessLookup.MailAddrFind(maps, reply.Address, AccessLookup.Strategy.Default, c.Settings.Get("recipient_delimiter"), c.IsLocalForLookup);
        c.CheckMapsHit(hit, "smtpd_sender_login_maps", sender);
        if (hit.Status == TableLookupStatus.Found)
        {
            c.TableEntry = TraceSources.TableEntry(c.Tables, hit, hit.Table?.Spec ?? "smtpd_sender_login_maps");
        }

        return hit;
    }

    private static int RejectAuthSenderLoginMismatch(CheckContext c, string sender, bool allowUnknown)
    {
        if (c.Session.SaslUsername is not { } login)
        {
            c.Notes.Add("the client is not authenticated");
            return CheckStatus.Dunno;
        }

        var hit = SenderLoginLookup(c, sender);
        var mapsText = c.Settings.Get("smtpd_sender_login_maps");
        if (hit.Status == TableLookupStatus.Found)
        {
            var owners = PostfixList.Split(hit.Value!).Select(e => e.Text).ToList();
            if (owners.Any(o => string.Equals(o, login, StringComparison.OrdinalIgnoreCase)))
            {
                c.Notes.Add($"{login} owns {sender} in smtpd_sender_login_maps ({hit.Source}: {hit.Key} -> {hit.Value})");
                return CheckStatus.Dunno;
            }

            c.Notes.Add($"{login} does not own {sender} in smtpd_sender_login_maps ({hit.Source}: {hit.Key} -> {hit.Value})");
        }
        else if (allowUnknown)
        {
            c.Notes.Add($"{sender} has no owner in smtpd_sender_login_maps: allowed by reject_known_sender_login_mismatch");
            return CheckStatus.Dunno;
        }
        else
        {
            c.Notes.Add(mapsText.Length == 0
                ? $"smtpd_sender_login_maps is empty, so {login} owns no sender address"
                : $"{sender} has no owner in smtpd_sender_login_maps ({mapsText}; keys tried: {string.Join(", ", hit.KeysTried)}), so {login} does not own it");
        }

        return c.Reject(553, "5.7.1", $"<{sender}>: Sender address rejected: not owned by user {login}");
    }

    private static int RejectUnauthSenderLoginMismatch(CheckContext c, string sender)
    {
        if (c.Session.SaslUsername is not null)
        {
            return CheckStatus.Dunno;
        }

        var hit = SenderLoginLookup(c, sender);
        if (hit.Status == TableLookupStatus.Found)
        {
            c.Notes.Add($"{sender} is owned by {hit.Value} in smtpd_sender_login_maps ({hit.Source}) but the client is not logged in");
            return c.Reject(553, "5.7.1", $"<{sender}>: Sender address rejected: not logged in");
        }

        c.Notes.Add($"{sender} has no owner in smtpd_sender_login_maps");
        return CheckStatus.Dunno;
    }
}
