namespace PostfixLint.Simulation;

/// <summary>An address after smtpd's canonicalization and trivial-rewrite resolution.</summary>
/// <param name="Address">The resolved address, case-folded (as <c>smtpd_resolve_addr()</c> returns it).</param>
/// <param name="Domain">Its domain.</param>
/// <param name="Class">The address class.</param>
/// <param name="Routed">True when the local part still holds a routing operator (<c>@</c>, <c>%</c>, <c>!</c>).</param>
/// <param name="Transport">The transport name (before <c>:</c>), e.g. <c>local</c>, <c>smtp</c>, <c>error</c>.</param>
/// <param name="Nexthop">The next hop; for the <c>error</c> transport, the DSN and text.</param>
internal sealed record ResolvedAddress(string Address, string Domain, AddressClass Class, bool Routed, string Transport, string Nexthop)
{
    /// <summary>The reason the class decision failed (a table lookup problem), or null.</summary>
    public string? Failure { get; init; }

    /// <summary>Why the class cannot be known (a table whose contents are unknown), or null.</summary>
    public string? Unknown { get; init; }

    /// <summary>True when trivial-rewrite flags the result as a syntax error (RESOLVE_FLAG_ERROR: the domain is no valid host name or address literal).</summary>
    public bool SyntaxError { get; init; }

    /// <summary>How the class was decided, for the trace.</summary>
    public string Explanation { get; init; } = "";

    /// <summary>True when the class is local, virtual or relay (and the address is not routed): relaying is authorized.</summary>
    public bool IsAuthorizedDestination => Class != AddressClass.Default;
}
