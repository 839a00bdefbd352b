using System.Collections.Immutable;
using System.Text;

namespace PostfixLint.Syntax;

/// <summary>The lossless text of one parsed file: its path, original text, tokens and line index.</summary>
/// <remarks>
/// Shared by every file syntax (<see cref="MainCfSyntax"/>, <see cref="MasterCfSyntax"/>,
/// <see cref="Tables.LookupTableSyntax"/>). Spans and edits are offsets into <see cref="Text"/>; line and column
/// come from <see cref="Lines"/> only when output is printed. Safe for concurrent readers.
/// </remarks>
public sealed class SourceDocument
{
    private LineIndex? _lines;

    /// <summary>Creates a document from its text and the tokens that cover it.</summary>
    /// <param name="path">The path the text came from, as used in messages.</param>
    /// <param name="text">The source text, one char per byte (see <see cref="SourceFile"/>).</param>
    /// <param name="tokens">Contiguous tokens covering <paramref name="text"/> in order.</param>
    public SourceDocument(string path, string text, ImmutableArray<SyntaxToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        Path = path;
        Text = text;
        Tokens = tokens;
    }

    /// <summary>The path the text came from, as used in messages.</summary>
    public string Path { get; }

    /// <summary>The source text, one char per byte (see <see cref="SourceFile"/>).</summary>
    public string Text { get; }

    /// <summary>Line starts of <see cref="Text"/>, for printing positions (computed once, on first use).</summary>
    public LineIndex Lines
    {
        get
        {
            // Racing readers may each build an index; all are equal and one wins.
            if (Volatile.Read(ref _lines) is { } lines)
            {
                return lines;
            }

            Interlocked.CompareExchange(ref _lines, new LineIndex(Text), null);
            return _lines!;
        }
    }

    /// <summary>Contiguous tokens covering the text in order, ending with a zero-length <see cref="SyntaxKind.EndOfFile"/>.</summary>
    public ImmutableArray<SyntaxToken> Tokens { get; }

    /// <summary>Concatenates the tokens' text: always equal to <see cref="Text"/>.</summary>
    public string ToFullString()
    {
        var builder = new StringBuilder(Text.Length);
        foreach (var token in Tokens)
        {
            builder.Append(Text, token.Span.Start, token.Span.Length);
        }

        return builder.ToString();
    }

    /// <summary>The 1-based line and column of <paramref name="offset"/>.</summary>
    public LinePosition GetPosition(int offset) => Lines.GetPosition(offset);
}
