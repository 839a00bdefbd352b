namespace PostfixLint.Analysis.Explain;

/// <summary>
/// What smtpd's reject line says (smtpd_check.c <c>log_whatsup()</c>): <c>NOQUEUE: reject: RCPT from name[addr]: reply;
/// from=&lt;…&gt; to=&lt;…&gt; proto=ESMTP helo=&lt;…&gt;</c>.
/// </summary>
/// <param name="QueueId">The queue id, or <c>NOQUEUE</c>.</param>
/// <param name="Warning">True for <c>reject_warning</c> (<c>warn_if_reject</c>): the client was not refused.</param>
/// <param name="Command">The SMTP command refused.</param>
/// <param name="ClientName">The verified client name; null for <c>unknown</c>.</param>
/// <param name="ClientAddress">The client address, without brackets.</param>
/// <param name="Reply">The reply smtpd sent, e.g. <c>554 5.7.1 &lt;x@gmail.com&gt;: Relay access denied</c>.</param>
internal sealed record LoggedReject(string QueueId, bool Warning, LoggedCommand Command, string? ClientName, string ClientAddress, string Reply)
{
    /// <summary>The <c>from=</c> attribute: the envelope sender (empty for the null sender); null when not logged.</summary>
    public string? From { get; init; }

    /// <summary>The <c>to=</c> attribute: the recipient; null when not logged.</summary>
    public string? To { get; init; }

    /// <summary>The <c>proto=</c> attribute: SMTP or ESMTP.</summary>
    public string? Proto { get; init; }

    /// <summary>The <c>helo=</c> attribute; null when the client sent none.</summary>
    public string? Helo { get; init; }
}
