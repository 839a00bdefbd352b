using PostfixLint.Syntax;

namespace PostfixLint.Model;

/// <summary>A span of one configuration document.</summary>
/// <param name="Path">The document's path as read (main.cf, master.cf, or the name given to postconf output).</param>
/// <param name="Span">The span in that document's original text.</param>
public readonly record struct SourceLocation(string Path, TextSpan Span)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}{Span}";
}
