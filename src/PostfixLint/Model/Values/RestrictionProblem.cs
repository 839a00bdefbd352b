namespace PostfixLint.Model.Values;

/// <summary>A malformed restriction, with the warning smtpd logs (<c>src/smtpd/smtpd_check.c</c>) when it reaches it.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Warning">The text after <c>warning: </c> in smtpd's log, exactly as Postfix words it.</param>
public sealed record RestrictionProblem(RestrictionProblemKind Kind, string Warning)
{
    /// <summary>
    /// True when smtpd answers <c>451 4.3.5 Server configuration error</c> on reaching the restriction; false when it
    /// only logs the warning and carries on (a DNSxL restriction without a domain).
    /// </summary>
    public bool IsServerError => Kind != RestrictionProblemKind.MissingDomainArgument;
}
