using System.Text;
using PostfixLint.Analysis;
using PostfixLint.Diagnostics;

namespace PostfixLint.Cli.Reporting;

/// <summary>Findings as GitHub Actions workflow commands (<c>::error file=…,line=…,col=…::message</c>), which annotate the pull request.</summary>
internal static class FindingGithub
{
    /// <summary>One workflow command per finding; paths are relative to the current directory (the repository root in a workflow).</summary>
    public static string Format(IReadOnlyList<Diagnostic> findings, FindingPositions positions, string currentDirectory)
    {
        var builder = new StringBuilder();
        foreach (var finding in findings)
        {
            var position = positions.Locate(finding);
            var command = finding.Severity switch
            {
                DiagnosticSeverity.Warning => "warning",
                DiagnosticSeverity.Info => "notice",
                _ => "error",
            };
            var properties = new List<string>();
            if (finding.Path is { } path)
            {
                var relative = Path.GetRelativePath(currentDirectory, path).Replace('\\', '/');
                properties.Add($"file={Property(relative)}");
            }

            if (position is { Start: { } start, End: { } end })
            {
                properties.Add($"line={start.Line}");
                properties.Add($"col={start.Column}");
                properties.Add($"endLine={end.Line}");
                properties.Add($"endColumn={end.Column}");
            }

            properties.Add($"title={Property($"{finding.Id} {RuleRegistry.Find(finding.Id)?.Name}")}");
            builder.Append("::").Append(command).Append(' ').Append(string.Join(',', properties)).Append("::").Append(Data(finding.Message)).Append('\n');
        }

        return builder.ToString();
    }

    // The runner's escaping: '%', CR and LF in data; additionally ':' and ',' in property values.
    private static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
