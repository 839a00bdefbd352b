namespace PostfixLint.Model;

/// <summary>How Postfix knows a parameter name (postconf's name classes).</summary>
public enum ParameterClass
{
    /// <summary>Not known: postconf reports it as an unused parameter.</summary>
    Unknown,

    /// <summary>Compiled into Postfix.</summary>
    BuiltIn,

    /// <summary>Derived from a master.cf service name, e.g. <c>relay_destination_concurrency_limit</c>.</summary>
    ServiceDefined,

    /// <summary>Defined by the user and referenced as <c>$name</c> or listed in <c>smtpd_restriction_classes</c>.</summary>
    UserDefined,

    /// <summary>An old name Postfix still accepts silently.</summary>
    Legacy,
}
