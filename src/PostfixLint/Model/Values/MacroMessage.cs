using System.Collections.Immutable;
using PostfixLint.Diagnostics;

namespace PostfixLint.Model.Values;

/// <summary>One message the macro engine logs while expanding or scanning a value (internal plumbing; see <see cref="ToDiagnostic"/>).</summary>
/// <param name="Severity">Warning, or Fatal for the message that ends the program.</param>
/// <param name="Text">The text after <c>warning: </c> or <c>fatal: </c>.</param>
internal readonly record struct MacroMessage(DiagnosticSeverity Severity, string Text)
{
    /// <summary>The public shape: a macro syntax warning, or the fatal expansion failure.</summary>
    public Diagnostic ToDiagnostic() => new(
        Severity == DiagnosticSeverity.Fatal ? DiagnosticIds.MacroExpansionFailed : DiagnosticIds.MacroSyntax,
        Severity,
        null,
        null,
        Text);

    /// <summary>Converts the engine's messages, in order.</summary>
    public static ImmutableArray<Diagnostic> ToDiagnostics(IEnumerable<MacroMessage> messages) =>
        [.. messages.Select(m => m.ToDiagnostic())];

    /// <inheritdoc />
    public override string ToString() => $"{(Severity == DiagnosticSeverity.Fatal ? "fatal" : "warning")}: {Text}";
}
