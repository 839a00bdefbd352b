using System.Collections.Immutable;

namespace PostfixLint.Simulation;

/// <summary>What Postfix's smtpd would answer to one probe, and why.</summary>
/// <param name="Probe">The probe.</param>
/// <param name="Decision">The outcome for the recipient.</param>
/// <param name="Stage">The stage at which the outcome was decided.</param>
public sealed record SimulationResult(Probe Probe, Decision Decision, SmtpStage Stage)
{
    /// <summary>The reply to the connection, when it is not the ordinary 220 greeting.</summary>
    public string? ConnectReply { get; init; }

    /// <summary>The reply to HELO/EHLO when the HELO restrictions refused it (smtpd_delay_reject = no).</summary>
    public string? HeloReply { get; init; }

    /// <summary>The reply to AUTH when the client logs in after its EHLO (<c>235</c>, or <c>503 5.5.1 Error: authentication not enabled</c> where AUTH is not available, and the session goes on unauthenticated); null when it sends no AUTH.</summary>
    public string? AuthReply { get; init; }

    /// <summary>The exact reply to MAIL FROM; null when the session never got there.</summary>
    public string? MailFromReply { get; init; }

    /// <summary>The exact reply to RCPT TO; null when MAIL FROM was refused.</summary>
    public string? RcptReply { get; init; }

    /// <summary>The fatal message smtpd would log when it cannot run with this configuration.</summary>
    public string? Error { get; init; }

    /// <summary>Why the client cannot connect to the listener (<see cref="Decision.Unreachable"/>); null when it can.</summary>
    public string? Reachability { get; init; }

    /// <summary>Why the answer cannot be known from the configuration alone.</summary>
    public string? UnknownReason { get; init; }

    /// <summary>Every restriction evaluated, in order.</summary>
    public ImmutableArray<TraceEntry> Trace { get; init; } = [];

    /// <summary>Explanations about the session as a whole (listener, effective settings, implicit checks).</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>Warnings smtpd would log while answering (<c>warning: ...</c> lines, without the prefix).</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];
}
