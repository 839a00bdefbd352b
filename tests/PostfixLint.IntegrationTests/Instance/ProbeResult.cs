using System.Text.Json.Nodes;

namespace PostfixLint.IntegrationTests.Instance;

/// <summary>What real Postfix answered to one <see cref="Probe"/>.</summary>
/// <param name="Probe">The probe that was asked.</param>
/// <param name="Decision">The first refusal a real client sees, or acceptance.</param>
/// <param name="Stage">Where the decision was made.</param>
public sealed record ProbeResult(Probe Probe, ProbeDecision Decision, ProbeStage Stage)
{
    /// <summary>The greeting, or in XCLIENT mode the reply to XCLIENT (a fresh greeting); null when no connection was made.</summary>
    public string? ConnectReply { get; init; }

    /// <summary>The first line of the EHLO reply; null when no EHLO was sent.</summary>
    public string? HeloReply { get; init; }

    /// <summary>The AUTH reply; null when the client did not authenticate with AUTH.</summary>
    public string? AuthReply { get; init; }

    /// <summary>The full MAIL FROM reply (continuation lines joined with <c>\n</c>, each as smtpd sent it); null when not sent.</summary>
    public string? MailFromReply { get; init; }

    /// <summary>The full RCPT TO reply; null when MAIL FROM was refused or not sent.</summary>
    public string? RcptReply { get; init; }

    /// <summary>Why there is no SMTP answer (e.g. smtpd's <c>fatal:</c> text), or null.</summary>
    public string? Error { get; init; }

    /// <summary>The SMTP dialogue as it went over the wire (<c>C: </c> client, <c>S: </c> server lines); empty when no connection was made.</summary>
    public System.Collections.Immutable.ImmutableArray<string> Transcript { get; init; } = [];

    /// <summary>Wall time of the SMTP session in milliseconds.</summary>
    public double Milliseconds { get; init; }

    /// <summary>The JSON line: the probe's keys, then decision, stage, the replies and the error.</summary>
    public JsonObject ToJson(bool includeSessionDetails = false)
    {
        var json = new JsonObject();
        Probe.WriteTo(json);
        json["decision"] = Decision.ToString().ToLowerInvariant();
        json["stage"] = Stage.ToString().ToLowerInvariant();
        json["mail_from_reply"] = MailFromReply;
        json["rcpt_reply"] = RcptReply;
        json["error"] = Error;
        if (includeSessionDetails)
        {
            json["connect_reply"] = ConnectReply;
            json["helo_reply"] = HeloReply;
            json["auth_reply"] = AuthReply;
        }

        return json;
    }
}
