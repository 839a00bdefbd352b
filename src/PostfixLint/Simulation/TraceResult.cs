namespace PostfixLint.Simulation;

/// <summary>What one traced restriction did.</summary>
public enum TraceResult
{
    /// <summary>No decision: smtpd goes on with the next restriction.</summary>
    Dunno,

    /// <summary>The restriction permitted: the list is done.</summary>
    Permit,

    /// <summary>The restriction rejected with a 5xx reply.</summary>
    Reject,

    /// <summary>The restriction deferred with a 4xx reply.</summary>
    Defer,

    /// <summary>The restriction would have rejected, but <c>warn_if_reject</c> turned that into a logged warning.</summary>
    Warn,

    /// <summary>The restriction failed (a configuration or lookup error) without a reply of its own.</summary>
    Error,

    /// <summary>The outcome depends on something the simulator cannot know (DNS, a policy service, ...).</summary>
    Unknown,

    /// <summary>The restriction was not evaluated because it does not apply in this session.</summary>
    Skipped,

    /// <summary>An earlier restriction decided, so smtpd never gets to this one.</summary>
    NotReached,
}
