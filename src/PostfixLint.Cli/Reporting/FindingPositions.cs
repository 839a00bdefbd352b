using System.Text;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Syntax;

namespace PostfixLint.Cli.Reporting;

/// <summary>
/// Turns a finding's document and span into what reports print: the path relative to the configuration directory,
/// 1-based line and column of both ends, and the source line.
/// </summary>
internal sealed class FindingPositions
{
    private readonly Dictionary<string, (string Text, LineIndex Lines)?> _documents = new(StringComparer.Ordinal);
    private readonly string _baseDirectory;

    /// <summary>
    /// Positions for findings of <paramref name="config"/>, with paths relative to <paramref name="baseDirectory"/>
    /// (default: the configuration directory); its documents are used as read, other files are read once.
    /// </summary>
    public FindingPositions(PostfixConfig config, string? baseDirectory = null)
    {
        _baseDirectory = baseDirectory ?? config.ConfigDirectory;
        foreach (var document in new[] { config.MainCf?.Document, config.MasterCf?.Document })
        {
            if (document is not null)
            {
                _documents[document.Path] = (document.Text, document.Lines);
            }
        }
    }

    /// <summary>The configuration directory the relative paths start from.</summary>
    public string BaseDirectory => _baseDirectory;

    /// <summary>Where <paramref name="finding"/> is, or null fields where it has no position.</summary>
    public FindingPosition Locate(Diagnostic finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.Path is not { } path)
        {
            return new FindingPosition(null, null, null);
        }

        var relative = Relative(path);
        if (finding.Span is not { } span || Document(path) is not { } document)
        {
            return new FindingPosition(relative, null, null);
        }

        var start = document.Lines.GetPosition(Math.Min(span.Start, document.Text.Length));
        var end = document.Lines.GetPosition(Math.Min(span.End, document.Text.Length));
        var lineStart = document.Lines.GetLineStart(start.Line);
        var lineEnd = document.Text.IndexOf('\n', lineStart);
        var line = document.Text[lineStart..(lineEnd < 0 ? document.Text.Length : lineEnd)].TrimEnd('\r');
        return new FindingPosition(relative, start, end) { SourceLine = line };
    }

    /// <summary><paramref name="path"/> relative to the configuration directory when it is inside it, else as given.</summary>
    public string Relative(string path)
    {
        var relative = Path.GetRelativePath(_baseDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }

    private (string Text, LineIndex Lines)? Document(string path)
    {
        if (_documents.TryGetValue(path, out var cached))
        {
            return cached;
        }

        (string, LineIndex)? document = null;
        try
        {
            // Tables and other files are read as the library reads them: Latin-1, one char per byte.
            if (new FileInfo(path) is { Exists: true, Length: < 64 << 20 })
            {
                var text = Syntax.InputFile.ReadAllText(path, Encoding.Latin1);
                document = (text, new LineIndex(text));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            document = null;
        }

        _documents[path] = document;
        return document;
    }
}
