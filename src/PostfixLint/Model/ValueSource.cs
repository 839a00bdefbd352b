using PostfixLint.Syntax;

namespace PostfixLint.Model;

/// <summary>One parameter's unexpanded value and how offsets in it map to its document.</summary>
/// <param name="Parameter">The parameter name.</param>
/// <param name="Value">The unexpanded value.</param>
/// <param name="Kind">Where the value comes from.</param>
/// <param name="Path">The document that holds it; null for values not written in a file.</param>
/// <param name="ToDocument">Maps a span of <paramref name="Value"/> to the document; null with <paramref name="Path"/>.</param>
internal sealed record ValueSource(string Parameter, string Value, ProvenanceKind Kind, string? Path, Func<TextSpan, TextSpan>? ToDocument)
{
    /// <summary>Where <paramref name="valueSpan"/> of the value is written, or null when it is not written in a file.</summary>
    public SourceLocation? Locate(TextSpan valueSpan) =>
        Path is not null && ToDocument is not null ? new SourceLocation(Path, ToDocument(valueSpan)) : null;
}
