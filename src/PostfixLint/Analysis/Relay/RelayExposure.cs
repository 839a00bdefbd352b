namespace PostfixLint.Analysis.Relay;

/// <summary>How far an open relay reaches, which the rule layer turns into a severity.</summary>
public enum RelayExposure
{
    /// <summary>A contiguous untrusted range wider than a /24 (IPv4) or /48 (IPv6) relays with ordinary inputs.</summary>
    WideRange,

    /// <summary>The client relays only because of an input it chooses freely (HELO name, sender, recipient, TLS).</summary>
    SpoofableInput,

    /// <summary>A small public range (at most /24 IPv4, /48 IPv6) the configuration lists explicitly relays: declare it in the policy if it is meant.</summary>
    SmallExplicitRange,
}
