using PostfixLint.Diagnostics;
using PostfixLint.Model;
using TextSpan = PostfixLint.Syntax.TextSpan;

namespace PostfixLint.Analysis.Rules.Syntax;

/// <summary>
/// Adds "did you mean" to postconf's <c>unused parameter</c> finding (PFL043): an unknown name in main.cf or in a
/// master.cf <c>-o</c> is exactly what postconf reports as unused, so the suggestion rides on that finding instead of
/// a second finding about the same line.
/// </summary>
internal static class UnusedParameterSuggestion
{
    /// <summary><paramref name="finding"/> with a help line naming the closest known parameters, and a rename fix when there is one clear candidate.</summary>
    public static Diagnostic Enrich(PostfixConfig config, Diagnostic finding)
    {
        if (finding.Id != DiagnosticIds.UnusedParameter || finding.Span is not { } span || finding.Path is not { } path)
        {
            return finding;
        }

        var unknown = config.UnknownParameters.FirstOrDefault(u =>
            string.Equals(u.Definition.Provenance.File, path, StringComparison.Ordinal)
            && u.Definition.Provenance.Span is { } definitionSpan && definitionSpan.Start == span.Start);
        if (unknown is null || unknown.Suggestions.IsDefaultOrEmpty)
        {
            return finding;
        }

        var names = string.Join(" or ", unknown.Suggestions.Take(3).Select(s => $"`{s}`"));
        var name = unknown.Definition.Name;
        var fix = unknown.Suggestions.Length == 1 && NameSpan(config, path, span, name) is { } nameSpan
            // Unsafe: the setting starts to take effect under its real name, which changes behaviour (that is the point,
            // but the admin must confirm the value is what the real parameter expects).
            ? Fix.Create($"Rename `{name}` to `{unknown.Suggestions[0]}`", FixSafety.Unsafe, path, TextEdit.Replace(nameSpan, unknown.Suggestions[0]))
            : null;
        return finding with
        {
            Help = $"Postfix does not know `{name}`; did you mean {names}?",
            Fix = finding.Fix ?? fix,
        };
    }

    /// <summary>The span of <paramref name="name"/> at the start of the definition at <paramref name="span"/>; null when the text there is not the name.</summary>
    private static TextSpan? NameSpan(PostfixConfig config, string path, TextSpan span, string name)
    {
        var text = new[] { config.MainCf?.Document, config.MasterCf?.Document }
            .FirstOrDefault(d => d is not null && string.Equals(d.Path, path, StringComparison.Ordinal))?.Text;
        return text is not null && span.Start + name.Length <= text.Length
               && string.CompareOrdinal(text, span.Start, name, 0, name.Length) == 0
            ? new TextSpan(span.Start, name.Length)
            : null;
    }
}
