namespace PostfixLint.Model;

/// <summary>
/// Maps file names written in a configuration to files on this machine: names under the configuration's
/// own <c>config_directory</c> go to the directory being checked, other absolute names under an optional root.
/// </summary>
/// <remarks>
/// This lets a repository that holds a copy of <c>/etc/postfix</c> be checked as it is:
/// <c>hash:/etc/postfix/access</c> is read from <c>&lt;checked dir&gt;/access</c>.
/// </remarks>
internal sealed class PathMapper
{
    private readonly IReadOnlyDictionary<string, string>? _overlay;

    /// <summary>Creates a mapper.</summary>
    /// <param name="configuredDirectory">The <c>config_directory</c> the configuration believes it lives in.</param>
    /// <param name="actualDirectory">The directory actually being read.</param>
    /// <param name="root">A directory that stands for <c>/</c> for every other absolute path, or null.</param>
    /// <param name="overlay">Files read in place of others (see <see cref="ConfigLoadOptions.Overlay"/>), or null.</param>
    public PathMapper(string configuredDirectory, string actualDirectory, string? root, IReadOnlyDictionary<string, string>? overlay = null)
    {
        _overlay = overlay;
        ConfiguredDirectory = configuredDirectory.TrimEnd('/');
        ActualDirectory = actualDirectory.TrimEnd('/');
        Root = string.IsNullOrEmpty(root) ? null : root.TrimEnd('/');
    }

    /// <summary>The <c>config_directory</c> as written in the configuration.</summary>
    public string ConfiguredDirectory { get; }

    /// <summary>The directory being read.</summary>
    public string ActualDirectory { get; }

    /// <summary>The directory that stands for <c>/</c>, or null.</summary>
    public string? Root { get; }

    /// <summary>
    /// Whether <paramref name="located"/> (a result of <see cref="Locate"/>) is a file in the directory being read, or
    /// that directory is the configuration's own <c>config_directory</c> (checking <c>/etc/postfix</c> in place).
    /// Both sides are compared as absolute, normalised names, so <c>-c sasl</c>, <c>-c dir/.</c> and a configuration
    /// that names the checked directory by its absolute path all agree.
    /// </summary>
    public bool IsInCheckedDirectory(string located)
    {
        var actual = Full(ActualDirectory);
        if (actual is null)
        {
            return false;
        }

        if (string.Equals(actual, Full(ConfiguredDirectory), StringComparison.Ordinal))
        {
            return true;
        }

        var file = Full(located);
        return file is not null && file.StartsWith(actual.TrimEnd('/') + "/", StringComparison.Ordinal);
    }

    private static string? Full(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>The file on this machine that <paramref name="path"/> (as written in the configuration) refers to.</summary>
    public string Map(string path) => Overlaid(Locate(path));

    /// <summary>The file to read for the file <paramref name="actual"/> on this machine: its overlay, or itself.</summary>
    public string Overlaid(string actual) =>
        _overlay is not null && _overlay.TryGetValue(actual, out var replacement) ? replacement : actual;

    /// <summary>The file on this machine that <paramref name="path"/> names, before any overlay (where it lives, not what is read).</summary>
    public string Locate(string path)
    {
        if (!path.StartsWith('/'))
        {
            return path;
        }

        if (ConfiguredDirectory.Length > 0
            && path.StartsWith(ConfiguredDirectory, StringComparison.Ordinal)
            && (path.Length == ConfiguredDirectory.Length || path[ConfiguredDirectory.Length] == '/'))
        {
            return ActualDirectory + path[ConfiguredDirectory.Length..];
        }

        return Root is null ? path : Root + path;
    }
}
