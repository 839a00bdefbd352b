using PostfixLint.Model.Catalog;

namespace PostfixLint.Model;

/// <summary>How to read a configuration.</summary>
public sealed record ConfigLoadOptions
{
    /// <summary>
    /// Maps absolute paths outside the configuration directory under this directory (like a chroot),
    /// so a copy of a server's files can be checked elsewhere. Null reads paths as they are.
    /// </summary>
    public string? Root { get; init; }

    /// <summary>
    /// True (the default) when the directory was named explicitly, as with <c>postconf -c DIR</c>: postconf then
    /// treats <c>config_directory = DIR</c> as set before main.cf is read, and <c>-n</c> prints it.
    /// </summary>
    public bool ConfigDirectoryFromCommandLine { get; init; } = true;

    /// <summary>The parameter catalogue; null means Postfix 3.7's.</summary>
    public ParameterCatalog? Catalog { get; init; }

    /// <summary>Facts about the host for computed defaults; null means this machine.</summary>
    /// <remarks>
    /// Give the server's facts to check its configuration elsewhere: <c>myhostname</c>, <c>mydomain</c>,
    /// <c>mynetworks</c>, <c>process_id</c> and <c>process_name</c> are then computed from them, and their values
    /// say <see cref="ProvenanceKind.HostComputed"/>.
    /// </remarks>
    public HostFacts? Host { get; init; }

    /// <summary>
    /// Files to read in place of others (actual path on this machine → the file to read instead), so a fixer can
    /// re-check edited text without writing the originals; null reads every file where it is.
    /// </summary>
    internal System.Collections.Immutable.ImmutableDictionary<string, string>? Overlay { get; init; }
}
