using System.Collections.Immutable;
using PostfixLint.Diagnostics;

namespace PostfixLint.Syntax;

/// <summary>A lossless parse of a main.cf-format file (<c>name = value</c> lines read by <c>readllines()</c>).</summary>
/// <remarks>
/// Every char belongs to exactly one token, so <see cref="SourceDocument.ToFullString"/> always returns the text.
/// Diagnostic messages are worded as Postfix words them, without the prefix Postfix adds:
/// <c>&lt;file&gt;, line &lt;n&gt;: </c> for the fatal name/value errors (<c>src/util/dict.c</c>), <c>&lt;file&gt;: </c>
/// for the leading-whitespace warning. Messages keep the raw bytes where Postfix's logger prints <c>?</c> for bytes
/// that are not printable ASCII. Postfix stops at the first fatal error; this parser reports them all.
/// </remarks>
public sealed class MainCfSyntax
{
    private MainCfSyntax(
        SourceDocument document, ImmutableArray<ParameterSyntax> parameters,
        ImmutableArray<Diagnostic> diagnostics)
    {
        Document = document;
        Parameters = parameters;
        Diagnostics = diagnostics;
    }

    /// <summary>The path, original text, tokens and line index of the parsed file.</summary>
    public SourceDocument Document { get; }

    /// <summary>The parameter definitions in file order, duplicates included (Postfix keeps the last).</summary>
    public ImmutableArray<ParameterSyntax> Parameters { get; }

    /// <summary>Syntax problems, in file order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Parses <paramref name="text"/>; never throws on bad input.</summary>
    public static MainCfSyntax Parse(string text, string path = "main.cf")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var handler = new Handler();
        var (tokens, diagnostics) = LogicalLineParser.Parse(text, path, handler);
        return new MainCfSyntax(new SourceDocument(path, text, tokens), handler.Parameters.ToImmutable(), diagnostics);
    }

    private sealed class Handler : ILogicalLineHandler
    {
        public ImmutableArray<ParameterSyntax>.Builder Parameters { get; } = ImmutableArray.CreateBuilder<ParameterSyntax>();

        public void Handle(LogicalLine line, List<SemanticRun> runs, LogicalLineParser parser)
        {
            var text = line.Text[..line.CLength];
            if (line.CLength < line.Length)
            {
                parser.Report(
                    DiagnosticIds.TextAfterNul,
                    DiagnosticSeverity.Warning,
                    line.ToSourceSpan(line.CLength, line.Length),
                    "text after a null byte is ignored");
            }

            // src/util/split_nameval.c: the name is the maximal run of non-space, non-'=' chars; then '=' must follow.
            var split = NameValueSplit.Split(text);
            if (split.Error is not null)
            {
                var code = split.Error == NameValueSplit.MissingName
                    ? DiagnosticIds.MissingName
                    : DiagnosticIds.MissingEquals;
                Fail(line, runs, parser, code, split.Error);
                return;
            }

            var nameEnd = split.NameEnd;
            var equals = split.EqualsAt;
            var valueStart = split.ValueStart;
            var valueEnd = split.ValueEnd;
            runs.Add(new SemanticRun(SyntaxKind.ParameterName, 0, nameEnd));
            runs.Add(new SemanticRun(SyntaxKind.Equals, equals, equals + 1));
            if (valueEnd > valueStart)
            {
                runs.Add(new SemanticRun(SyntaxKind.ValueText, valueStart, valueEnd));
            }
            else
            {
                valueStart = valueEnd = equals + 1;
            }

            Parameters.Add(new ParameterSyntax(
                line.GetString(0, nameEnd),
                line.ToSourceSpan(0, nameEnd),
                line.ToSourceSpan(equals, equals + 1),
                valueEnd > valueStart ? line.GetString(valueStart, valueEnd) : string.Empty,
                line.ToSourceSpan(valueStart, valueEnd),
                line.SourceSpan,
                line.LineNumber,
                line.Slice(valueStart, valueEnd)));
        }

        private static void Fail(LogicalLine line, List<SemanticRun> runs, LogicalLineParser parser, string code, string error)
        {
            // src/util/dict.c dict_load_fp(): msg_fatal("%s, line %d: %s: \"%s\"", path, first_line, err, line).
            var message = $"{error}: \"{line.GetString(0, line.CLength)}\"";
            parser.Report(code, DiagnosticSeverity.Fatal, line.SourceSpan, message);
            runs.Add(new SemanticRun(SyntaxKind.Unparsed, 0, line.Length));
        }
    }
}
