namespace PostfixLint.Model.Catalog;

/// <summary>The outcome of computing a machine-dependent default: the value postconf prints, or the fatal error it reports.</summary>
/// <param name="Value">The value as postconf prints it (whitespace-normalized), or <see langword="null"/> on error.</param>
/// <param name="FatalMessage">The text after <c>postconf: fatal: </c>, or <see langword="null"/> on success.</param>
internal sealed record ComputedValue(string? Value, string? FatalMessage)
{
    /// <summary>Whether the value could be computed.</summary>
    public bool IsSuccess => FatalMessage is null;

    /// <summary>A successful result.</summary>
    public static ComputedValue Success(string value) => new(value, null);

    /// <summary>A failed result carrying postconf's fatal message.</summary>
    public static ComputedValue Fatal(string message) => new(null, message);
}
