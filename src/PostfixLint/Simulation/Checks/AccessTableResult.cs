using System.Globalization;
using PostfixLint.Model.Values;

namespace PostfixLint.Simulation.Checks;

/// <summary>check_table_result() (<c>src/smtpd/smtpd_check.c</c>): what an access-table value means.</summary>
internal static class AccessTableResult
{
    private static readonly char[] s_whitespace = [' ', '\t', '\r', '\n', '\v', '\f'];

    /// <summary>Acts on <paramref name="value"/>, found in <paramref name="table"/> at <paramref name="entry"/> (null for a lookup error).</summary>
    public static int Evaluate(CheckContext c, string table, string value, TraceSource? entry, string replyName, string replyClass, string defaultAccess)
    {
        var cmdLength = value.AsSpan().IndexOfAny(" \t");
        if (cmdLength < 0)
        {
            cmdLength = value.Length;
        }

        var command = value[..cmdLength];
        var text = value[cmdLength..].TrimStart(s_whitespace);
        if (Action(c, table, command, text, replyName, replyClass) is { } status)
        {
            return status;
        }

        if (value.Length > 0 && value.All(char.IsAsciiDigit))
        {
            return CheckStatus.Ok;
        }

        if (cmdLength == 3 && text.Length > 0 && value[0] is '4' or '5' && char.IsAsciiDigit(value[1]) && char.IsAsciiDigit(value[2]))
        {
            var code = int.Parse(value[..3], CultureInfo.InvariantCulture);
            var (dsn, rest) = DsnCodes.Split(value[0] + ".7.1", text);
            return c.Reject(code, DsnCodes.Fix(dsn, replyClass), $"<{replyName}>: {replyClass} rejected: {(rest.Length > 0 ? rest : "Access denied")}");
        }

        if (command.Equals("OK", StringComparison.OrdinalIgnoreCase) || command.Equals("RELAY", StringComparison.OrdinalIgnoreCase))
        {
            return CheckStatus.Ok;
        }

        return Restrictions(c, table, value, entry ?? new TraceSource(TraceSourceKind.TableEntry) { Name = table }, replyName, replyClass, defaultAccess);
    }

    /// <summary>The action words (DUNNO, REJECT, DEFER, HANGUP, INFO, WARN, FILTER, ..., DEFER_IF_*); null for anything else.</summary>
    private static int? Action(CheckContext c, string table, string command, string text, string replyName, string replyClass)
    {
        switch (command.ToUpperInvariant())
        {
            case "DUNNO":
                c.Notes.Add("DUNNO: stop searching this table, no decision");
                return CheckStatus.Dunno;
            case "REJECT":
                return Reply(c, c.Settings.GetInt("access_map_reject_code", 554), "5.7.1", text, "Access denied", replyName, replyClass);
            case "DEFER":
                return Reply(c, c.Settings.GetInt("access_map_defer_code", 450), "4.7.1", text, "Access denied", replyName, replyClass);
            case "HANGUP":
                throw new UnknownOutcome("HANGUP drops the connection without a reply");
            case "INFO" or "WARN":
                c.Notes.Add($"{command.ToUpperInvariant()}: logged only");
                return CheckStatus.Dunno;
            case "FILTER" or "HOLD" or "REDIRECT" or "BCC" or "PREPEND":
                if (c.Sender is null)
                {
                    c.Warn($"access table {table}: with smtpd_delay_reject=no, action {command.ToUpperInvariant()} is always skipped in Client host or Helo command restrictions");
                }

                c.Notes.Add($"{command.ToUpperInvariant()}: affects the message, not the reply");
                return CheckStatus.Dunno;
            case "DISCARD":
                if (c.Sender is null)
                {
                    c.Warn($"access table {table}: with smtpd_delay_reject=no, action DISCARD is always skipped in Client host or Helo command restrictions");
                    return CheckStatus.Dunno;
                }

                c.Notes.Add("DISCARD: the message is accepted and silently discarded; no further restrictions are evaluated");
                c.Discard = true;
                return CheckStatus.Ok;
            case "DEFER_IF_PERMIT":
            {
                // check_table_result(): DEFER_IF_PERMIT3(DEFER_IF_PERMIT_ACT, ...), so warn_if_reject only logs it.
                var (dsn, reason) = Deferral(text, replyName, replyClass);
                return c.DeferIfPermitUnlessWarning(c.Settings.GetInt("access_map_defer_code", 450), dsn, reason);
            }

            case "DEFER_IF_REJECT":
            {
                var (dsn, reason) = Deferral(text, replyName, replyClass);
                CheckContext.DeferIf(c.DeferIfReject, c.Settings.GetInt("access_map_defer_code", 450), dsn, reason);
                return CheckStatus.Dunno;
            }
            default:
                return null;
        }
    }

    private static int Reply(CheckContext c, int code, string defaultDsn, string text, string defaultText, string replyName, string replyClass)
    {
        var (dsn, rest) = DsnCodes.Split(defaultDsn, text);
        return c.Reject(code, DsnCodes.Fix(dsn, replyClass), $"<{replyName}>: {replyClass} rejected: {(rest.Length > 0 ? rest : defaultText)}");
    }

    /// <summary>The detail code and text of a DEFER_IF_PERMIT / DEFER_IF_REJECT entry (default 4.7.1, "Service unavailable").</summary>
    private static (string Dsn, string Reason) Deferral(string text, string replyName, string replyClass)
    {
        var (dsn, rest) = DsnCodes.Split("4.7.1", text);
        return (DsnCodes.Fix(dsn, replyClass), $"<{replyName}>: {replyClass} rejected: {(rest.Length > 0 ? rest : "Service unavailable")}");
    }

    /// <summary>Any other value is a restriction list, parsed by the same parser as main.cf's lists and walked like a class.</summary>
    private static int Restrictions(CheckContext c, string table, string value, TraceSource entry, string replyName, string replyClass, string defaultAccess)
    {
        if (value.Contains(':', StringComparison.Ordinal))
        {
            c.Warn($"access table {table} has entry with lookup table: {value}");
            c.Warn("do not specify lookup tables inside SMTPD access maps");
            c.Warn("define a restriction class and specify its name instead.");
            c.ServerError();
        }

        if (c.Recursion > 100)
        {
            c.Warn($"access table {table} entry {value} causes unreasonable recursion");
            c.ServerError();
        }

        var restrictions = RestrictionList.Parse(value, defaultAccess, replyClass);
        if (restrictions.IsEmpty)
        {
            c.Warn($"access table {table} entry {value} has empty value");
            return CheckStatus.Ok;
        }

        c.Notes.Add($"the value is evaluated as restrictions: {value}");
        return c.Walker.Run(TraceSources.Unlocated($"{table} result", restrictions, entry), replyName, replyClass, defaultAccess);
    }
}
