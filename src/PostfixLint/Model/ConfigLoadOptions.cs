namespace PostfixLint.Model;

/// <summary>How to read a configuration directory.</summary>
public sealed record ConfigLoadOptions
{
    /// <summary>
    /// Maps absolute paths outside the configuration directory under this directory (like a chroot),
    /// so a copy of a server's files can be checked elsewhere. Null reads paths as they are.
    /// </summary>
    public string? Root { get; init; }
}
