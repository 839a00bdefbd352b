namespace PostfixLint.Model.Tables;

/// <summary>Host facts the table factory cannot read from the configuration.</summary>
public sealed record LookupTableOptions
{
    /// <summary>The passwd file behind <c>unix:passwd.byname</c>; null makes that table's contents unknown.</summary>
    public string? PasswdFile { get; init; } = "/etc/passwd";

    /// <summary>The environment behind <c>environ:</c>; null makes that table's contents unknown.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
}
