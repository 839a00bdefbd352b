using PostfixLint.Syntax;

namespace PostfixLint.Model.Values;

/// <summary>One message Postfix would log while expanding a value, with its exact text (no program prefix).</summary>
/// <param name="Severity">Warning, or Fatal for the message that ends the program.</param>
/// <param name="Text">The text after <c>warning: </c> or <c>fatal: </c>.</param>
public readonly record struct MacroMessage(DiagnosticSeverity Severity, string Text)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Severity == DiagnosticSeverity.Fatal ? "fatal" : "warning")}: {Text}";
}
