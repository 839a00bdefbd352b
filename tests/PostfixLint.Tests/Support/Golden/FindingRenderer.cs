using System.Text;

namespace PostfixLint.Tests.Support.Golden;

/// <summary>
/// Renders findings as the golden <c>.findings.txt</c> files show them (STYLE.md §8):
/// <c>PFL101 [*] message</c>, <c>--&gt; main.cf:3:14</c>, the source line with a caret underline, <c>help: fix title</c>.
/// </summary>
internal static class FindingRenderer
{
    /// <summary>Renders <paramref name="findings"/> in order; <paramref name="texts"/> maps a file name to its text.</summary>
    public static string Render(IEnumerable<GoldenFinding> findings, IReadOnlyDictionary<string, string> texts)
    {
        var output = new StringBuilder();
        foreach (var finding in findings)
        {
            if (output.Length > 0)
            {
                output.Append('\n');
            }

            output.Append(finding.Id).Append(finding.FixTitle is null ? " " : " [*] ").Append(finding.Message).Append('\n');
            if (finding.Start is not { } start || !texts.TryGetValue(finding.File, out var text))
            {
                // A finding on a default value has no place in the file.
                output.Append("  --> ").Append(finding.File).Append(" (default)\n");
            }
            else
            {
                AppendSnippet(output, finding.File, text, start, finding.Length);
            }

            if (finding.FixTitle is not null)
            {
                output.Append("  help: ").Append(finding.FixTitle).Append('\n');
            }
        }

        return output.ToString();
    }

    private static void AppendSnippet(StringBuilder output, string file, string text, int start, int length)
    {
        start = Math.Clamp(start, 0, text.Length);
        var lineStart = text.LastIndexOf('\n', Math.Max(start - 1, 0)) is var nl && nl >= 0 && nl < start ? nl + 1 : 0;
        var lineEnd = text.IndexOf('\n', start) is var end and >= 0 ? end : text.Length;
        var lineNumber = 1 + text.AsSpan(0, lineStart).Count('\n');
        var column = start - lineStart + 1;
        var line = text[lineStart..lineEnd].TrimEnd('\r');
        var gutter = new string(' ', lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);

        output.Append("  --> ").Append(file).Append(':').Append(lineNumber).Append(':').Append(column).Append('\n');
        output.Append(gutter).Append(" |\n");
        output.Append(lineNumber).Append(" | ").Append(Visible(line)).Append('\n');
        // A span that runs past the line (a continued value) is underlined to the line's end; an empty span gets one caret.
        var carets = Math.Max(1, Math.Min(length, line.Length - (start - lineStart)));
        output.Append(gutter).Append(" | ").Append(new string(' ', start - lineStart)).Append('^', carets).Append('\n');
    }

    // Tabs keep the caret column honest only when shown as one character.
    private static string Visible(string line) => line.Replace('\t', ' ');
}
