namespace PostfixLint.Model.Tables;

/// <summary>The outcome of one table lookup.</summary>
public enum TableLookupStatus
{
    /// <summary>The key matched an entry.</summary>
    Found,

    /// <summary>No entry matched.</summary>
    NotFound,

    /// <summary>The contents are unknown, so the answer is too.</summary>
    Unknown,

    /// <summary>The table is unavailable: smtpd's lookup fails.</summary>
    Error,
}
