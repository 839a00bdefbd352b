namespace PostfixLint.Analysis;

/// <summary>The family a rule belongs to; the hundreds digit of its id.</summary>
public enum RuleCategory
{
    /// <summary>PFL0xx: file syntax, parameter names and values, what postconf itself warns about.</summary>
    Syntax,

    /// <summary>PFL1xx: mynetworks and the other client address lists; listeners and reachability.</summary>
    Networks,

    /// <summary>PFL2xx: smtpd restriction lists and restriction classes.</summary>
    Restrictions,

    /// <summary>PFL3xx: SASL authentication and TLS.</summary>
    SaslTls,

    /// <summary>PFL4xx: lookup tables: sources, databases, keys and values.</summary>
    Maps,

    /// <summary>PFL5xx: the open-relay proof and the intent policy.</summary>
    Relay,
}
