namespace PostfixLint.Simulation;

/// <summary>Postfix's address classes (<c>src/trivial-rewrite/resolve.c</c>): where mail for a domain is delivered.</summary>
public enum AddressClass
{
    /// <summary>The domain matches <c>mydestination</c>, or is a literal of this host's <c>inet_interfaces</c>/<c>proxy_interfaces</c>.</summary>
    Local,

    /// <summary>The domain is in <c>virtual_alias_domains</c>.</summary>
    VirtualAlias,

    /// <summary>The domain is in <c>virtual_mailbox_domains</c>.</summary>
    VirtualMailbox,

    /// <summary>The domain matches <c>relay_domains</c>.</summary>
    Relay,

    /// <summary>Any other domain: mail is relayed to the Internet.</summary>
    Default,
}
