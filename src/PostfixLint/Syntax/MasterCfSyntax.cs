using System.Collections.Immutable;
using PostfixLint.Diagnostics;

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
    private MasterCfSyntax(
        SourceDocument document, ImmutableArray<ServiceEntrySyntax> services,
        ImmutableArray<Diagnostic> diagnostics)
    {
        Document = document;
        Services = services;
        Diagnostics = diagnostics;
    }

    /// <summary>The path, original text, tokens and line index of the parsed file.</summary>
    public SourceDocument Document { get; }

    /// <summary>The service entries in file order (entries with a bad field count are left out).</summary>
    public ImmutableArray<ServiceEntrySyntax> Services { get; }

    /// <summary>Syntax problems, in file order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Parses <paramref name="text"/>; never throws on bad input.</summary>
    public static MasterCfSyntax Parse(string text, string path = "master.cf")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var handler = new MasterCfLineHandler();
        var (tokens, diagnostics) = LogicalLineParser.Parse(text, path, handler);
        return new MasterCfSyntax(new SourceDocument(path, text, tokens), handler.Services.ToImmutable(), diagnostics);
    }
}
