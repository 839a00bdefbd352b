using System.Collections.Frozen;
using System.Reflection;

namespace PostfixLint.Analysis;

/// <summary>
/// The rules' markdown pages, embedded from <c>Analysis/Rules/**/*.md</c>. A page starts with
/// <c># PFL101 rule-name</c>; the id in that heading is how a page is found.
/// </summary>
internal static class RuleDocs
{
    private const string Prefix = "PostfixLint.RuleDocs.";

    private static readonly Lazy<FrozenDictionary<string, string>> s_pages = new(Load);

    /// <summary>The page of rule <paramref name="id"/>; null when the rule has none.</summary>
    public static string? Get(string id) => s_pages.Value.GetValueOrDefault(id);

    /// <summary>Every page, by rule id.</summary>
    public static IReadOnlyDictionary<string, string> All => s_pages.Value;

    private static FrozenDictionary<string, string> Load()
    {
        var assembly = typeof(RuleDocs).Assembly;
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var text = Read(assembly, name);
            if (IdOf(text) is { } id)
            {
                pages[id] = text;
            }
        }

        return pages.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The id in the page's first heading (<c># PFL101 name</c>), or null.</summary>
    internal static string? IdOf(string page)
    {
        var firstLine = page.AsSpan(0, page.IndexOf('\n') is var end and >= 0 ? end : page.Length).Trim();
        if (!firstLine.StartsWith("# PFL", StringComparison.Ordinal) || firstLine.Length < 8)
        {
            return null;
        }

        return firstLine.Slice(2, 6).ToString();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
