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
    public static ImmutableArray<Diagnostic> ToDiagnostics(IReadOnlyList<MacroMessage> messages)
    {
        // Most values scan without a message: no allocation then.
        if (messages.Count == 0)
        {
            return [];
        }

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>(messages.Count);
        foreach (var message in messages)
        {
            diagnostics.Add(message.ToDiagnostic());
        }

        return diagnostics.MoveToImmutable();
    }

    /// <inheritdoc />
    public override string ToString() => $"{(Severity == DiagnosticSeverity.Fatal ? "fatal" : "warning")}: {Text}";
}
