namespace PostfixLint.Model.Tables;

/// <summary>The outcome of one table lookup.</summary>
public enum TableLookupStatus
{
    /// <summary>The key matched; <see cref="TableLookup.Value"/> holds the result.</summary>
    Found,

    /// <summary>The key did not match.</summary>
    NotFound,

    /// <summary>The table's contents are unknown, so the answer is too.</summary>
    Unknown,

    /// <summary>The lookup failed (table unavailable): smtpd defers.</summary>
    Error,
}
