using System.CommandLine;
using PostfixLint.Model;

namespace PostfixLint.Cli.Commands;

/// <summary>The options several verbs share, defined once so their names, defaults and help stay alike.</summary>
internal static class CommonOptions
{
    /// <summary><c>--config-dir DIR</c> / <c>-c DIR</c>, default <c>/etc/postfix</c>.</summary>
    public static Option<string> ConfigDirectory(string description) => new("--config-dir", "-c")
    {
        Description = description,
        HelpName = "DIR",
        DefaultValueFactory = _ => PostfixConfig.DefaultConfigDirectory,
    };

    /// <summary><c>--root DIR</c>: absolute paths named in the configuration are looked up under DIR.</summary>
    public static Option<string> Root(string description = "Look up absolute paths named in the config (maps) under DIR, like a chroot.") =>
        new("--root") { Description = description, HelpName = "DIR" };

    /// <summary><c>--as-deployed</c>: read lookup tables as the live server has them (built databases, not sources).</summary>
    public static Option<bool> AsDeployed() => new("--as-deployed")
    {
        Description = "Read tables as the running server has them: a missing .db/.lmdb/.cdb answers Postfix's lookup failure, a database older than its source is named in the trace.",
    };

    /// <summary><c>--passwd FILE</c>: the local users the simulator knows.</summary>
    public static Option<string> Passwd() =>
        new("--passwd") { Description = "Local users come from FILE instead of this machine's /etc/passwd.", HelpName = "FILE" };
}
