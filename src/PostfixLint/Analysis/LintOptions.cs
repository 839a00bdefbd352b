using System.Collections.Immutable;
using PostfixLint.Analysis.Relay;
using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis;

/// <summary>What a lint run checks and how: the policy, which rules, their severities.</summary>
public sealed record LintOptions
{
    /// <summary>The admin's intent (who may relay, which login may send as whom); null checks without one.</summary>
    public RelayPolicy? Policy { get; init; }

    /// <summary>The file the policy was read from, for messages (<c>.postfix-lint.json</c>); null when not from a file.</summary>
    public string? PolicySource { get; init; }

    /// <summary>
    /// Rule ids or id prefixes to run (<c>PFL1</c> selects the networks family, <c>ALL</c> every rule); empty runs
    /// every rule.
    /// </summary>
    public ImmutableArray<string> Select { get; init; } = [];

    /// <summary>Rule ids or id prefixes not to run; wins over <see cref="Select"/> except for critical rules.</summary>
    public ImmutableArray<string> Ignore { get; init; } = [];

    /// <summary>Severity per rule id, replacing the default (critical rules keep theirs).</summary>
    public ImmutableDictionary<string, DiagnosticSeverity> Severities { get; init; } = ImmutableDictionary<string, DiagnosticSeverity>.Empty;

    /// <summary>Options of the relay analysis (simulator options, pattern witnesses, the server's host name).</summary>
    public RelayAnalysisOptions? Relay { get; init; }
}
