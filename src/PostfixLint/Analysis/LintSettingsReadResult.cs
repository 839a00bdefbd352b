using System.Collections.Immutable;
using PostfixLint.Analysis.Relay;

namespace PostfixLint.Analysis;

/// <summary>What reading a <c>.postfix-lint.json</c> gave: the settings, or the errors that make it unusable.</summary>
/// <param name="Settings">The settings; null when there are errors.</param>
/// <param name="Errors">Every problem found, with line and column.</param>
public sealed record LintSettingsReadResult(LintSettings? Settings, ImmutableArray<PolicyError> Errors)
{
    /// <summary>True when the file could be used.</summary>
    public bool Succeeded => Errors.IsEmpty && Settings is not null;
}
