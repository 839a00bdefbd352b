using PostfixLint.Syntax;

namespace PostfixLint.Cli.Reporting;

/// <summary>A finding's place for printing: file relative to the configuration directory, start and end (end exclusive).</summary>
/// <param name="File">The file, relative to the configuration directory; null for a finding about a default value.</param>
/// <param name="Start">Line and column (1-based) of the first character; null without a span.</param>
/// <param name="End">Line and column just after the last character; null without a span.</param>
internal sealed record FindingPosition(string? File, LinePosition? Start, LinePosition? End)
{
    /// <summary>The text of the start line, without its line ending.</summary>
    public string? SourceLine { get; init; }
}
