using System.Collections.Immutable;

namespace PostfixLint.Syntax;

/// <summary>One service entry (logical line) of master.cf.</summary>
/// <param name="Service">Field 1, the service name (or address).</param>
/// <param name="Type">Field 2: <c>inet</c>, <c>unix</c>, <c>unix-dgram</c>, <c>fifo</c> or <c>pass</c>.</param>
/// <param name="Private">Field 3, <c>y</c>, <c>n</c> or <c>-</c>.</param>
/// <param name="Unprivileged">Field 4, <c>y</c>, <c>n</c> or <c>-</c>.</param>
/// <param name="Chroot">Field 5, <c>y</c>, <c>n</c> or <c>-</c>.</param>
/// <param name="Wakeup">Field 6, seconds with an optional <c>?</c>, or <c>-</c>.</param>
/// <param name="MaxProcesses">Field 7, a count or <c>-</c>.</param>
/// <param name="Command">Field 8, the daemon program name.</param>
/// <param name="Arguments">The words after the command, as written.</param>
/// <param name="NormalizedArguments">The arguments as postconf normalizes them (<c>pcf_normalize_daemon_args()</c>): <c>-oname=value</c> split, <c>{...}</c> removed, <c>-o { n = v }</c> turned into <c>n=v</c>.</param>
/// <param name="Overrides">The <c>-o name=value</c> overrides in order, duplicates included (the last one wins).</param>
/// <param name="Line">The 1-based first physical line.</param>
/// <param name="Span">The whole logical line, final line ending excluded.</param>
public sealed record ServiceEntrySyntax(
    ServiceFieldSyntax Service,
    ServiceFieldSyntax Type,
    ServiceFieldSyntax Private,
    ServiceFieldSyntax Unprivileged,
    ServiceFieldSyntax Chroot,
    ServiceFieldSyntax Wakeup,
    ServiceFieldSyntax MaxProcesses,
    ServiceFieldSyntax Command,
    ImmutableArray<CommandArgumentSyntax> Arguments,
    ImmutableArray<string> NormalizedArguments,
    ImmutableArray<ServiceOverrideSyntax> Overrides,
    int Line,
    TextSpan Span);
