using System.Text.RegularExpressions;

namespace PostfixLint.IntegrationTests.Support;

/// <summary>Decides whether a corpus file is a template (Jinja, ERB, Mason, …) rather than literal Postfix syntax.</summary>
internal static partial class TemplateClassifier
{
    private static readonly string[] TemplateExtensions =
        [".erb", ".j2", ".jinja", ".jinja2", ".tmpl", ".tpl", ".proto", ".in", ".template", ".mas", ".mustache", ".epp", ".ctmpl"];

    /// <summary>The reason <paramref name="fileName"/> with <paramref name="content"/> is a template, or null when it is literal Postfix syntax.</summary>
    public static string? Classify(string fileName, string content)
    {
        // Names such as main.cf.in.demo carry the marker before the last dot, so look at every suffix.
        foreach (var extension in TemplateExtensions)
        {
            if (fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase)
                || fileName.Contains(extension + ".", StringComparison.OrdinalIgnoreCase))
            {
                return $"name ends in {extension}";
            }
        }

        foreach (var (pattern, reason) in ContentMarkers)
        {
            var match = pattern.Match(content);
            if (match.Success)
            {
                return $"{reason}: {Excerpt(match.Value)}";
            }
        }

        return null;
    }

    // Postfix itself writes "{{" only right after "type:" (inline:{{a=b}}), "$" (${{a} == {b}…}) or another "{",
    // so "{{" anywhere else is a template expression (Jinja, Go, mustache).
    private static readonly (Regex Pattern, string Reason)[] ContentMarkers =
    [
        (JinjaExpression(), "{{ … }} expression"),
        (JinjaStatement(), "{% … %} statement"),
        (JinjaComment(), "{# … #} comment"),
        (ErbOrMason(), "<% … %> tag"),
        (TemplateToolkit(), "[% … %] tag"),
        (PythonFormat(), "%(name)s placeholder"),
        (PercentBrace(), "%{name} placeholder"),
        (ZimbraPercent(), "%%…%% placeholder"),
        (MasonControlLine(), "% control line"),
    ];

    [GeneratedRegex(@"(?<![:${])\{\{[^\n]*?\}\}")]
    private static partial Regex JinjaExpression();

    [GeneratedRegex(@"\{%-?[^\n]*?-?%\}")]
    private static partial Regex JinjaStatement();

    [GeneratedRegex(@"\{#[^\n]*?#\}")]
    private static partial Regex JinjaComment();

    [GeneratedRegex(@"<%[^\n]*")]
    private static partial Regex ErbOrMason();

    [GeneratedRegex(@"\[%[^\n]*?%\]")]
    private static partial Regex TemplateToolkit();

    [GeneratedRegex(@"%\([A-Za-z_][A-Za-z0-9_]*\)[sd]")]
    private static partial Regex PythonFormat();

    [GeneratedRegex(@"%\{[A-Za-z_][A-Za-z0-9_]*\}")]
    private static partial Regex PercentBrace();

    [GeneratedRegex(@"%%[A-Za-z][^%\n]*%%")]
    private static partial Regex ZimbraPercent();

    [GeneratedRegex(@"(?m)^%\s*(if|for|foreach|unless|else|elsif|end|my)\b[^\n]*")]
    private static partial Regex MasonControlLine();

    private static string Excerpt(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
