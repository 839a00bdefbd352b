using PostfixLint.Model;

namespace PostfixLint.Cli.Commands;

/// <summary>The parsed command line of <c>postfix-lint show</c>.</summary>
/// <param name="ConfigDirectory">Where main.cf and master.cf are (ignored with <paramref name="PostconfFile"/>).</param>
/// <param name="PostconfFile">Saved postconf output to read instead, or <c>-</c> for standard input.</param>
/// <param name="Root">Directory under which absolute paths named in the config are looked up.</param>
/// <param name="Query">What to print.</param>
internal sealed record ShowRequest(string ConfigDirectory, string? PostconfFile, string? Root, PostconfQuery Query);
