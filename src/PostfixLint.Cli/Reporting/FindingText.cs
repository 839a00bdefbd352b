using System.Text;
using PostfixLint.Analysis;
using PostfixLint.Diagnostics;

namespace PostfixLint.Cli.Reporting;

/// <summary>
/// Findings as a compiler prints them: <c>main.cf:12:14: error PFL101 name: message</c>, the source line with a caret
/// under the span, help and notes, then a summary line.
/// </summary>
internal static class FindingText
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Cyan = "\u001b[36m";
    private const string Blue = "\u001b[34m";

    /// <summary>Writes every finding and the summary; <paramref name="color"/> adds ANSI colours.</summary>
    public static void Write(TextWriter output, IReadOnlyList<Diagnostic> findings, FindingPositions positions, bool color)
    {
        foreach (var finding in findings)
        {
            output.Write(Format(finding, positions, color));
        }

        output.WriteLine(Summary(findings, color));
    }

    /// <summary>One finding with its source excerpt.</summary>
    public static string Format(Diagnostic finding, FindingPositions positions, bool color)
    {
        var position = positions.Locate(finding);
        var name = RuleRegistry.Find(finding.Id)?.Name ?? "";
        var builder = new StringBuilder();
        var where = position switch
        {
            { File: { } file, Start: { } start } => $"{file}:{start.Line}:{start.Column}",
            { File: { } file } => file,
            _ => positions.BaseDirectory,
        };
        var label = Label(finding.Severity);
        builder.Append(Paint(where, Bold, color)).Append(": ")
            .Append(Paint(label, label == "error" ? Red : label == "warning" ? Yellow : Cyan, color))
            .Append(' ').Append(Paint($"{finding.Id} {name}", Bold, color)).Append(": ").Append(finding.Message).Append('\n');
        if (position is { Start: { } from, End: { } to, SourceLine: { } line })
        {
            var gutter = new string(' ', from.Line.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
            var caretEnd = to.Line == from.Line ? to.Column : line.Length + 1;
            var width = Math.Max(1, caretEnd - from.Column);
            builder.Append(gutter).Append(Paint(" |", Blue, color)).Append('\n');
            builder.Append(from.Line).Append(Paint(" | ", Blue, color)).Append(Printable(line)).Append('\n');
            builder.Append(gutter).Append(Paint(" | ", Blue, color))
                .Append(Indent(line, from.Column - 1)).Append(Paint(new string('^', width), label == "error" ? Red : Yellow, color)).Append('\n');
        }

        var help = finding.Fix is { } fix ? $"{fix.Title} ({SafetyText(fix.Safety)})" : finding.Help;
        if (help is not null)
        {
            builder.Append("  = ").Append(Paint("help", Bold, color)).Append(": ").Append(help).Append('\n');
        }

        if (finding.Fix is not null && finding.Help is { } extra)
        {
            builder.Append("  = ").Append(Paint("help", Bold, color)).Append(": ").Append(extra).Append('\n');
        }

        foreach (var note in finding.Notes)
        {
            builder.Append("  = note: ").Append(note).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary><c>Found 3 findings: 1 error, 2 warnings, 0 info (1 fixable).</c>, or that there are none.</summary>
    public static string Summary(IReadOnlyList<Diagnostic> findings, bool color)
    {
        if (findings.Count == 0)
        {
            return Paint("No findings.", Bold, color);
        }

        var errors = findings.Count(f => LintResult.Rank(f.Severity) == 2);
        var warnings = findings.Count(f => f.Severity == DiagnosticSeverity.Warning);
        var infos = findings.Count(f => f.Severity == DiagnosticSeverity.Info);
        var fixable = findings.Count(f => f.Fix is { Safety: not FixSafety.DisplayOnly });
        var noun = findings.Count == 1 ? "finding" : "findings";
        return Paint($"Found {findings.Count} {noun}: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}, {infos} info"
                     + (fixable > 0 ? $" ({fixable} with a fix)." : "."), Bold, color);
    }

    /// <summary>The lower-case severity word of a finding (a fatal read error prints as an error).</summary>
    public static string Label(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "error",
    };

    /// <summary>How a fix's safety reads in output.</summary>
    public static string SafetyText(FixSafety safety) => safety switch
    {
        FixSafety.Safe => "safe fix",
        FixSafety.Unsafe => "unsafe fix",
        _ => "suggestion",
    };

    // Keep tabs in the indentation under the source line so the caret lines up in a terminal.
    private static string Indent(string line, int count)
    {
        var builder = new StringBuilder(count);
        for (var i = 0; i < count && i < line.Length; i++)
        {
            builder.Append(line[i] == '\t' ? '\t' : ' ');
        }

        return builder.Append(' ', Math.Max(0, count - line.Length)).ToString();
    }

    // Control characters other than tab would move the terminal's cursor: show them as '?', as postconf does.
    private static string Printable(string line) =>
        string.Create(line.Length, line, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = text[i] != '\t' && char.IsControl(text[i]) ? '?' : text[i];
            }
        });

    private static string Paint(string text, string code, bool color) => color ? code + text + Reset : text;
}
