namespace PostfixLint.Analysis.Rules.Maps;

/// <summary>What Postfix does with the values of a referenced table.</summary>
internal enum TableUse
{
    /// <summary>Any other lookup (transport, canonical, virtual, match-list tables...).</summary>
    Lookup,

    /// <summary>An access table of <c>check_*_access</c>: values are access actions or restrictions.</summary>
    Access,

    /// <summary><c>smtpd_sender_login_maps</c>: values are lists of SASL logins.</summary>
    SenderLogin,

    /// <summary><c>alias_maps</c> or <c>alias_database</c>: aliases(5) source, built with <c>postalias</c>.</summary>
    Alias,
}
