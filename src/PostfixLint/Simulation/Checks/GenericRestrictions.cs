namespace PostfixLint.Simulation.Checks;

/// <summary>Restrictions that decide by themselves: <c>permit</c>, <c>reject</c>, <c>defer</c>, <c>defer_if_*</c>, <c>sleep</c>, ...</summary>
internal static class GenericRestrictions
{
    public static void Register(Dictionary<string, RestrictionHandler> handlers)
    {
        handlers["permit"] = Permit;
        handlers["defer"] = Defer;
        handlers["reject"] = Reject;
        handlers["defer_if_permit"] = DeferIfPermit;
        handlers["defer_if_reject"] = DeferIfReject;
        handlers["sleep"] = (CheckContext c, in RestrictionCall call) => CheckStatus.Dunno;
        handlers["reject_unauth_pipelining"] = (CheckContext c, in RestrictionCall call) => Note(c, "the simulated client does not pipeline");
        handlers["reject_multi_recipient_bounce"] = (CheckContext c, in RestrictionCall call) => Note(c, "only one recipient is simulated");
    }

    private static int Permit(CheckContext c, in RestrictionCall call)
    {
        if (call.NextToken is { } next)
        {
            c.Warn($"restriction `{next}' after `permit' is ignored");
        }

        return CheckStatus.Ok;
    }

    private static int Defer(CheckContext c, in RestrictionCall call) =>
        c.Reject(c.Settings.GetInt("defer_code", 450), "4.3.2", $"<{call.ReplyName}>: {call.ReplyClass} rejected: Try again later");

    private static int Reject(CheckContext c, in RestrictionCall call) =>
        c.Reject(c.Settings.GetInt("reject_code", 554), "5.7.1", $"<{call.ReplyName}>: {call.ReplyClass} rejected: Access denied");

    private static int DeferIfPermit(CheckContext c, in RestrictionCall call)
    {
        var status = c.DeferIfPermitUnlessWarning(450, "4.7.0", $"<{call.ReplyName}>: {call.ReplyClass} rejected: defer_if_permit requested");
        return c.WarnIfReject != 0 ? status : Note(c, "remembered: a final permit becomes 450 4.7.0 … defer_if_permit requested");
    }

    private static int DeferIfReject(CheckContext c, in RestrictionCall call)
    {
        CheckContext.DeferIf(c.DeferIfReject, 450, "4.7.0", $"<{call.ReplyName}>: {call.ReplyClass} rejected: defer_if_reject requested");
        return Note(c, "remembered: a later 5xx reject becomes 450 4.7.0 … defer_if_reject requested");
    }

    private static int Note(CheckContext c, string note)
    {
        c.Notes.Add(note);
        return CheckStatus.Dunno;
    }
}
