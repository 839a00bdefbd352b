using System.Text.RegularExpressions;

namespace PostfixLint.Analysis.Explain;

/// <summary>
/// Reads smtpd log lines in the forms mail logs come in: classic syslog (<c>Dec  4 13:22:01 host postfix/smtpd[812]: …</c>,
/// also Postfix's own <c>maillog_file</c>), RFC 3339 timestamps (rsyslog's high-precision form and journald
/// <c>short-iso</c>: <c>2026-12-04T13:22:01+0000 host postfix/smtpd[812]: …</c>) and RFC 5424
/// (<c>&lt;22&gt;1 2026-12-04T13:22:01.5Z host postfix/smtpd 812 - - …</c>), journalctl's other short forms
/// (<c>short-full</c>: <c>Fri 2026-12-04 13:22:01 UTC host …</c>, <c>short-unix</c>: <c>1764854521.123456 host …</c>,
/// <c>short-monotonic</c>: <c>[ 1234.567890] host …</c>), a line cut down to its tag (<c>postfix/smtpd[812]: …</c>), and
/// the bare message of a reject (<c>journalctl -o cat</c>, or pasted from a bounce), which is read as the plain
/// <c>postfix/smtpd</c>'s: without a tag nothing names another service.
/// </summary>
internal static partial class SmtpdLogParser
{
    /// <summary>Parses one line; null when it is not a log line of a Postfix smtpd.</summary>
    public static SmtpdLogLine? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = Classic().Match(line);
        if (!match.Success)
        {
            match = Iso().Match(line);
        }

        if (!match.Success)
        {
            match = Rfc5424().Match(line);
        }

        if (!match.Success)
        {
            match = JournalOther().Match(line);
        }

        if (!match.Success)
        {
            match = TagOnly().Match(line);
        }

        if (!match.Success)
        {
            return ParseReject(line) is { } bare ? new SmtpdLogLine("", "postfix", "smtpd", "", line) { Reject = bare } : null;
        }

        var tag = match.Groups["tag"].Value;
        var slash = tag.LastIndexOf('/');
        if (slash <= 0 || tag[(slash + 1)..] != "smtpd")
        {
            return null;
        }

        // RFC 5424: a UTF-8 message may start with a BOM.
        var message = match.Groups["msg"].Value.TrimStart('\uFEFF');
        var parsed = new SmtpdLogLine(match.Groups["ts"].Value, tag[..slash], tag[(slash + 1)..], match.Groups["pid"].Value, message);
        return ParseReject(message) is { } reject ? parsed with { Reject = reject } : parsed;
    }

    /// <summary>Parses the message of a reject line (without the syslog prefix); null when it is none.</summary>
    public static LoggedReject? ParseReject(string message)
    {
        var match = RejectLine().Match(message);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        var command = match.Groups["cmd"].Value switch
        {
            // smtpd.c xclient_cmd(): behind an XCLIENT proxy the connect-stage client check runs again for the client the
            // proxy names, and the reject line names the XCLIENT command.
            "CONNECT" or "XCLIENT" => LoggedCommand.Connect,
            "HELO" or "EHLO" => LoggedCommand.Helo,
            "MAIL" => LoggedCommand.Mail,
            "RCPT" => LoggedCommand.Rcpt,
            "DATA" or "END-OF-MESSAGE" => LoggedCommand.Data,
            _ => LoggedCommand.Other,
        };
        return new LoggedReject(
            match.Groups["qid"].Value,
            match.Groups["action"].Value == "reject_warning",
            command,
            name is "unknown" or "" ? null : name,
            match.Groups["addr"].Value,
            match.Groups["reply"].Value)
        {
            From = match.Groups["from"].Success ? match.Groups["from"].Value : null,
            To = match.Groups["to"].Success ? match.Groups["to"].Value : null,
            Proto = match.Groups["proto"].Value,
            Helo = match.Groups["helo"].Success ? match.Groups["helo"].Value : null,
        };
    }

    // "Dec  4 13:22:01 host postfix/smtpd[812]: message" (syslog(3) via rsyslog/syslog-ng, and postlogd's maillog_file).
    [GeneratedRegex(@"^(?<ts>[A-Z][a-z]{2} [ 0-9]?\d \d\d:\d\d:\d\d(?:\.\d+)?) (?<host>\S+) (?<tag>[^\s\[\]:]+)\[(?<pid>\d+)\]: (?<msg>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Classic();

    // "2026-12-04T13:22:01.123456+00:00 host postfix/smtpd[812]: message" (rsyslog RFC 3339) and
    // "2026-12-04T13:22:01+0000 host postfix/smtpd[812]: message" (journalctl -o short-iso / short-iso-precise).
    [GeneratedRegex(@"^(?<ts>\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?) (?<host>\S+) (?<tag>[^\s\[\]:]+)\[(?<pid>\d+)\]: (?<msg>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    // RFC 5424: "<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG".
    [GeneratedRegex(@"^<\d{1,3}>1 (?<ts>\S+) (?<host>\S+) (?<tag>\S+) (?<pid>\S+) \S+ (?:-|(?:\[(?:[^\]\\]|\\.)*\])+)(?: (?<msg>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc5424();

    // journalctl -o short-full "Fri 2026-12-04 13:22:01 UTC host tag[pid]: message", -o short-unix "1764854521.123456 host
    // tag[pid]: message" and -o short-monotonic "[ 1234.567890] host tag[pid]: message".
    [GeneratedRegex(@"^(?<ts>[A-Z][a-z]{2} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+|\d+\.\d+|\[ *\d+\.\d+\]) (?<host>\S+) (?<tag>[^\s\[\]:]+)\[(?<pid>\d+)\]: (?<msg>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex JournalOther();

    // "postfix/smtpd[812]: message": a line whose timestamp and host were cut off.
    [GeneratedRegex(@"^(?<ts>)(?<tag>[^\s\[\]:]+)\[(?<pid>\d+)\]: (?<msg>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex TagOnly();

    // smtpd_check.c log_whatsup(): "%s: %s: %s from %s: %s;" then " from=<%s>", " to=<%s>" when known, " proto=%s",
    // " helo=<%s>" when known. The reply may itself hold "; " (RBL texts), so the attributes are matched from the end.
    [GeneratedRegex(@"^(?<qid>NOQUEUE|[0-9A-Za-z]+): (?<action>reject|reject_warning): (?<cmd>CONNECT|XCLIENT|HELO|EHLO|MAIL|RCPT|DATA|END-OF-MESSAGE|VRFY|ETRN) from (?<name>[^\s\[]*)\[(?<addr>[^\]]*)\](?::\d+)?: (?<reply>[245]\d\d .*); (?:from=<(?<from>[^>]*)> )?(?:to=<(?<to>[^>]*)> )?proto=(?<proto>\S+)(?: helo=<(?<helo>[^>]*)>)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RejectLine();
}
