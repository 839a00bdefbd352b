using System.Collections.Immutable;
using PostfixLint.Syntax;

namespace PostfixLint.Model;

/// <summary>A master.cf service as the model sees it: its identity, its command and its <c>-o</c> overrides.</summary>
/// <param name="Name">The service name (first field), e.g. <c>submission</c> or <c>127.0.0.1:2525</c>.</param>
/// <param name="Type">The service type: <c>inet</c>, <c>unix</c>, <c>unix-dgram</c>, <c>fifo</c> or <c>pass</c>.</param>
/// <param name="Command">The command name (eighth field), e.g. <c>smtpd</c>.</param>
/// <param name="Line">The 1-based first line of the entry in master.cf.</param>
/// <param name="Overrides">The <c>-o name=value</c> overrides in order; a later one for the same name wins.</param>
public sealed record MasterService(
    string Name,
    string Type,
    string Command,
    int Line,
    ImmutableArray<ParameterDefinition> Overrides)
{
    /// <summary>The lossless syntax of the entry, when it was read from master.cf.</summary>
    public ServiceEntrySyntax? Syntax { get; init; }

    /// <summary>The <c>name/type</c> key postconf uses for this service, e.g. <c>smtp/inet</c>.</summary>
    public string Key => $"{Name}/{Type}";
}
