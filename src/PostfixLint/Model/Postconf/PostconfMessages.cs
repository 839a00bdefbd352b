using PostfixLint.Diagnostics;
using PostfixLint.Syntax;

namespace PostfixLint.Model.Postconf;

/// <summary>The diagnostics postconf logs, in order; set-up messages are kept and each print starts after them.</summary>
internal sealed class PostconfMessages
{
    private readonly List<Diagnostic> _items = [];
    private int _setupCount;

    /// <summary>The messages so far.</summary>
    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>Adds a message.</summary>
    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    /// <summary>Adds a warning.</summary>
    public void Warn(string id, string text, string? path = null, TextSpan? span = null) =>
        _items.Add(new Diagnostic(id, DiagnosticSeverity.Warning, path, span, text));

    /// <summary>Adds a fatal message.</summary>
    public void Fatal(string id, string text) => _items.Add(new Diagnostic(id, DiagnosticSeverity.Fatal, null, null, text));

    /// <summary>Marks the messages so far as the set-up's: <see cref="ResetToSetup"/> keeps them.</summary>
    public void EndSetup() => _setupCount = _items.Count;

    /// <summary>Drops what the previous print added.</summary>
    public void ResetToSetup() => _items.RemoveRange(_setupCount, _items.Count - _setupCount);
}
