using System.Collections.Immutable;
using PostfixLint.Syntax;

namespace PostfixLint.Analysis;

/// <summary>
/// An own-line comment <c># postfix-lint: ignore PFL101, PFL203 -- reason</c> that silences those rules on the entry
/// (or the line of a multi-line value) that follows it.
/// </summary>
/// <param name="Path">The document the comment is in.</param>
/// <param name="Span">The comment's text, for reporting on it.</param>
/// <param name="Ids">The rule ids (or id prefixes) it names.</param>
/// <param name="Reason">The text after <c>--</c>; null when there is none, which makes the suppression invalid.</param>
/// <param name="Covered">The text the suppression applies to: from the next line that is not a comment through the end of that entry.</param>
internal sealed record Suppression(string Path, TextSpan Span, ImmutableArray<string> Ids, string? Reason, TextSpan Covered)
{
    private const string Marker = "postfix-lint:";

    /// <summary>True once a finding was silenced by it.</summary>
    public bool Used { get; set; }

    /// <summary>Whether the suppression names <paramref name="id"/> (exactly or by prefix).</summary>
    public bool Names(string id) => Ids.Any(i => id.StartsWith(i, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every suppression comment in <paramref name="document"/> (main.cf or master.cf syntax: whole-line comments).</summary>
    public static ImmutableArray<Suppression> Find(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        if (!text.Contains(Marker, StringComparison.Ordinal))
        {
            return [];
        }

        var lines = Lines(text);
        var found = ImmutableArray.CreateBuilder<Suppression>();
        for (var i = 0; i < lines.Count; i++)
        {
            var (start, end) = lines[i];
            var line = text.AsSpan(start, end - start);
            var trimmed = line.TrimStart();
            if (!trimmed.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            var body = trimmed[1..].TrimStart();
            if (!body.StartsWith(Marker, StringComparison.Ordinal))
            {
                continue;
            }

            body = body[Marker.Length..].TrimStart();
            if (!body.StartsWith("ignore", StringComparison.Ordinal))
            {
                continue;
            }

            body = body["ignore".Length..];
            var dashes = body.IndexOf("--", StringComparison.Ordinal);
            var idText = dashes >= 0 ? body[..dashes] : body;
            var reason = dashes >= 0 ? body[(dashes + 2)..].Trim().ToString() : null;
            var ids = idText.ToString().Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();
            var commentStart = start + (line.Length - trimmed.Length);
            found.Add(new Suppression(document.Path, TextSpan.FromBounds(commentStart, end), ids,
                string.IsNullOrEmpty(reason) ? null : reason, CoveredAfter(text, lines, i)));
        }

        return found.ToImmutable();
    }

    /// <summary>
    /// The first line after <paramref name="commentLine"/> that is not a comment or blank, and the lines that continue
    /// it (they start with whitespace): postconf(5) reads them as one entry.
    /// </summary>
    private static TextSpan CoveredAfter(string text, List<(int Start, int End)> lines, int commentLine)
    {
        var first = commentLine + 1;
        while (first < lines.Count && IsCommentOrBlank(text, lines[first]))
        {
            first++;
        }

        if (first >= lines.Count)
        {
            return new TextSpan(text.Length, 0);
        }

        var last = first;
        for (var j = first + 1; j < lines.Count; j++)
        {
            if (IsCommentOrBlank(text, lines[j]))
            {
                continue;
            }

            if (!char.IsWhiteSpace(text[lines[j].Start]))
            {
                break;
            }

            last = j;
        }

        return TextSpan.FromBounds(lines[first].Start, lines[last].End);
    }

    private static bool IsCommentOrBlank(string text, (int Start, int End) line)
    {
        var trimmed = text.AsSpan(line.Start, line.End - line.Start).TrimStart();
        return trimmed.IsEmpty || trimmed[0] == '#';
    }

    /// <summary>Line bounds without their line ending.</summary>
    private static List<(int Start, int End)> Lines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            lines.Add((start, contentEnd));
            start = newline < 0 ? text.Length : newline + 1;
        }

        return lines;
    }
}
