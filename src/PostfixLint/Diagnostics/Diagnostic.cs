using System.Collections.Immutable;
using PostfixLint.Syntax;

namespace PostfixLint.Diagnostics;

/// <summary>A problem found in a configuration: what (<see cref="Id"/>), how bad, where, and optionally how to fix it.</summary>
/// <param name="Id">The stable identifier from <see cref="DiagnosticIds"/>, e.g. <c>PFL001</c>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Path">The document the diagnostic is about, as used in messages; null when it is about no file.</param>
/// <param name="Span">The text in <paramref name="Path"/> that caused it; null for messages about defaults or with no position.</param>
/// <param name="Message">The message, worded as Postfix words it where Postfix has one (without the program prefix).</param>
/// <param name="Fix">A fix, when one is known.</param>
public sealed record Diagnostic(
    string Id, DiagnosticSeverity Severity, string? Path, TextSpan? Span, string Message, Fix? Fix = null)
{
    /// <summary>Creates a diagnostic with the default severity of <paramref name="descriptor"/>.</summary>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, string message, string? path = null, TextSpan? span = null)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new Diagnostic(descriptor.Id, descriptor.DefaultSeverity, path, span, message);
    }

    /// <summary>More lines for a reader: the trace that led to the finding, the values involved.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>How to resolve the finding when there is no fix to apply (or in addition to it), as an imperative sentence.</summary>
    public string? Help { get; init; }

    /// <summary>The message with its severity label, as Postfix logs it: <c>warning: ...</c> or <c>fatal: ...</c>.</summary>
    public override string ToString() => $"{SeverityLabel(Severity)}: {Message}";

    /// <summary>The lower-case label Postfix's logger (and this tool) prints before a message of <paramref name="severity"/>.</summary>
    public static string SeverityLabel(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Fatal => "fatal",
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Info => "info",
        _ => "warning",
    };
}
