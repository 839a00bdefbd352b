using PostfixLint.Model;

namespace PostfixLint.Cli.Commands;

/// <summary>What <c>show</c> was asked to do, after parsing.</summary>
/// <param name="ConfigDirectory">The configuration directory (<c>-c</c>), default <c>/etc/postfix</c>.</param>
/// <param name="PostconfFile">Saved postconf output to read instead (<c>-</c> = stdin), or null.</param>
/// <param name="Root">The directory standing for <c>/</c> for other absolute paths, or null.</param>
/// <param name="ConfigDirectoryGiven">True when <c>-c</c> was given explicitly.</param>
/// <param name="Master">Whether to show master.cf entries (<c>-M</c>) or parameters (<c>-P</c>) instead of main.cf.</param>
/// <param name="Query">The postconf-style query.</param>
internal sealed record ShowRequest(string ConfigDirectory, string? PostconfFile, string? Root, bool ConfigDirectoryGiven, MasterView Master, PostconfQuery Query);
