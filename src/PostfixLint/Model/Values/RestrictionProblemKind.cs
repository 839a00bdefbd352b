namespace PostfixLint.Model.Values;

/// <summary>What is wrong with one restriction of an smtpd restriction list, as smtpd finds it when it gets there.</summary>
public enum RestrictionProblemKind
{
    /// <summary>A bare <c>type:table</c> in a list without a default access check (data, end-of-data): 451 at that point.</summary>
    TableWithoutAccessCheck,

    /// <summary>A <c>check_*_access</c> restriction whose argument is missing or not <c>type:table</c>: 451 at that point.</summary>
    BadTableArgument,

    /// <summary>A DNSxL restriction without its domain: smtpd logs a warning and goes on with the next restriction.</summary>
    MissingDomainArgument,

    /// <summary><c>check_policy_service</c> not followed by <c>transport:server</c>: 451 at that point.</summary>
    MissingPolicyServer,

    /// <summary><c>sleep</c> not followed by a number of seconds: 451 at that point.</summary>
    MissingSleepSeconds,
}
