using System.Collections.Immutable;
using System.Text;

namespace PostfixLint.Syntax;

/// <summary>A lossless parse of master.cf, with the fields and <c>-o</c> overrides <c>postconf -M</c>/<c>-P</c> see.</summary>
/// <remarks>
/// master.cf uses the same <c>readllines()</c> logical lines as main.cf; entries are split on blanks with
/// <c>{...}</c> grouping (<c>argv_splitq()</c>) and normalized by <c>pcf_normalize_daemon_args()</c>
/// (<c>src/postconf/postconf_master.c</c>). Messages are worded as postconf words them, without its prefixes:
/// <c>file &lt;path&gt;: line &lt;n&gt;: </c> for <c>bad field count</c>, none for invalid fields,
/// <c>master.cf: </c> for brace and <c>-o {...}</c> warnings, <c>&lt;path&gt;: </c> for the leading-whitespace warning.
/// </remarks>
public sealed class MasterCfSyntax
{
    private LineIndex? _lines;

    private MasterCfSyntax(
        string path, string text, ImmutableArray<SyntaxToken> tokens, ImmutableArray<ServiceEntrySyntax> services,
        ImmutableArray<SyntaxDiagnostic> diagnostics)
    {
        Path = path;
        Text = text;
        Tokens = tokens;
        Services = services;
        Diagnostics = diagnostics;
    }

    /// <summary>The path the text came from, as used in messages.</summary>
    public string Path { get; }

    /// <summary>The source text, one char per byte (see <see cref="SourceFile"/>).</summary>
    public string Text { get; }

    /// <summary>Line starts of <see cref="Text"/>, for printing positions.</summary>
    public LineIndex Lines => _lines ??= new LineIndex(Text);

    /// <summary>Contiguous tokens covering the text in order, ending with a zero-length <see cref="SyntaxKind.EndOfFile"/>.</summary>
    public ImmutableArray<SyntaxToken> Tokens { get; }

    /// <summary>The service entries in file order (entries with a bad field count are left out).</summary>
    public ImmutableArray<ServiceEntrySyntax> Services { get; }

    /// <summary>Syntax problems, in file order.</summary>
    public ImmutableArray<SyntaxDiagnostic> Diagnostics { get; }

    /// <summary>Parses <paramref name="text"/>; never throws on bad input.</summary>
    public static MasterCfSyntax Parse(string text, string path = "master.cf")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var handler = new MasterCfLineHandler();
        var (tokens, diagnostics) = LogicalLineParser.Parse(text, handler);
        return new MasterCfSyntax(path, text, tokens, handler.Services.ToImmutable(), diagnostics);
    }

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
}
