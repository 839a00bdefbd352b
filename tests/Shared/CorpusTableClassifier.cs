using PostfixLint.Syntax.Tables;

namespace PostfixLint.TestSupport;

/// <summary>Decides which table parser a corpus file needs; shared by the unit and integration test projects.</summary>
internal static class CorpusTableClassifier
{
    /// <summary>Decides a corpus file's table format by name and content; null when it is not a table source.</summary>
    public static TableSourceFormat? Classify(string file, string text)
    {
        var name = Path.GetFileName(file).ToLowerInvariant();
        if (name.Contains("main.cf", StringComparison.Ordinal) || name.Contains("master", StringComparison.Ordinal)
            || name.EndsWith(".ref", StringComparison.Ordinal) || name.Contains("dynamicmaps", StringComparison.Ordinal)
            || name.EndsWith(".md", StringComparison.Ordinal))
        {
            return null;
        }

        if (name.Contains(".cidr", StringComparison.Ordinal) || name.Contains("cidr.map", StringComparison.Ordinal))
        {
            return TableSourceFormat.Cidr;
        }

        if (name.Contains(".pcre", StringComparison.Ordinal) || name.Contains("pcre", StringComparison.Ordinal) && name.EndsWith(".map", StringComparison.Ordinal))
        {
            return TableSourceFormat.Pcre;
        }

        if (name.Contains(".regexp", StringComparison.Ordinal) || name.Contains("regexp", StringComparison.Ordinal) || name.Contains("_re.map", StringComparison.Ordinal))
        {
            return TableSourceFormat.Regexp;
        }

        if (name.EndsWith("aliases", StringComparison.Ordinal))
        {
            return TableSourceFormat.Aliases;
        }

        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !char.IsWhiteSpace(l[0]) && l[0] != '#').ToList();

        // Database client configs (mysql/ldap/pgsql/sqlite "name = value") are main.cf-format, not table sources.
        if (lines.Count > 0 && lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^[A-Za-z_0-9]+\s*=")) * 2 >= lines.Count)
        {
            return null;
        }

        if (lines.Count > 0 && lines.Count(l => l[0] == '/' || l.StartsWith("if ", StringComparison.OrdinalIgnoreCase)) * 2 >= lines.Count)
        {
            return name.Contains("header") || name.Contains("body") || name.Contains("filter") || name.Contains("checks")
                ? TableSourceFormat.Regexp : TableSourceFormat.Pcre;
        }

        return TableSourceFormat.Postmap;
    }
}
