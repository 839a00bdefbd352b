using System.Collections.Immutable;
using PostfixLint.Diagnostics;

namespace PostfixLint.Syntax.Tables;

/// <summary>A lossless parse of a lookup table source file (postmap, aliases, cidr, regexp or pcre format).</summary>
/// <remarks>
/// Logical lines are built exactly as <c>readllines()</c> builds them (<c>src/util/readlline.c</c>); every char belongs
/// to exactly one token, so <see cref="SourceDocument.ToFullString"/> returns the text. Diagnostic messages are the full
/// text Postfix logs after <c>warning: </c>, e.g. <c>cidr map /etc/postfix/x.cidr, line 3: bad net/mask pattern:
/// "1.2.3.4/33": skipping this rule</c>, with the path as given to <see cref="Parse"/>.
/// Duplicate keys of postmap sources are reported with the texthash wording (<c>src/util/dict_thash.c</c>);
/// indexed types keep the first value.
/// </remarks>
public sealed class LookupTableSyntax
{
    private LookupTableSyntax(
        SourceDocument document, TableSourceFormat format, ImmutableArray<TableEntrySyntax> entries, ImmutableArray<Diagnostic> diagnostics)
    {
        Document = document;
        Format = format;
        Entries = entries;
        Diagnostics = diagnostics;
    }

    /// <summary>The path, original text, tokens and line index of the parsed file.</summary>
    public SourceDocument Document { get; }

    /// <summary>The format the text was parsed as.</summary>
    public TableSourceFormat Format { get; }

    /// <summary>One entry per logical line, in file order, skipped lines included.</summary>
    public ImmutableArray<TableEntrySyntax> Entries { get; }

    /// <summary>Syntax problems in file order, worded as Postfix logs them.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Parses <paramref name="text"/> as <paramref name="format"/>; never throws on bad input.</summary>
    /// <param name="text">The source, one char per byte.</param>
    /// <param name="format">The table source format.</param>
    /// <param name="path">The name used in messages (Postfix uses the path as written in the table spec).</param>
    /// <param name="utf8">True when <c>smtputf8_enable</c> is on: postmap then ignores lines that are not valid UTF-8.</param>
    public static LookupTableSyntax Parse(string text, TableSourceFormat format, string path = "table", bool utf8 = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var handler = new Handler(format, path, utf8, detectDuplicates: true);
        var (tokens, diagnostics) = LogicalLineParser.Parse(text, path, handler);
        var all = diagnostics.AddRange(handler.Trailing);
        return new LookupTableSyntax(new SourceDocument(path, text, tokens), format, handler.Entries.ToImmutable(), all);
    }

    /// <summary>
    /// Parses an excerpt of a postmap or aliases source that starts at a physical line boundary (line
    /// <paramref name="firstLine"/> of the file) and holds whole logical lines, without reporting duplicate keys (the
    /// caller sees every key of the file and reports them); spans are relative to the excerpt.
    /// </summary>
    internal static (ImmutableArray<TableEntrySyntax> Entries, ImmutableArray<Diagnostic> Diagnostics) ParseExcerpt(
        string text, int firstLine, TableSourceFormat format, string path, bool utf8)
    {
        var handler = new Handler(format, path, utf8, detectDuplicates: false);
        var (_, diagnostics) = LogicalLineParser.Parse(text, path, handler, firstLine);
        return (handler.Entries.ToImmutable(), diagnostics.AddRange(handler.Trailing));
    }

    private sealed class Handler(TableSourceFormat format, string path, bool utf8, bool detectDuplicates) : ILogicalLineHandler
    {
        private readonly Stack<TableEntrySyntax> _open = new();
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

        public ImmutableArray<TableEntrySyntax>.Builder Entries { get; } = ImmutableArray.CreateBuilder<TableEntrySyntax>();

        public List<Diagnostic> Trailing
        {
            get
            {
                var list = new List<Diagnostic>();
                foreach (var entry in _open.Reverse())
                {
                    list.Add(new Diagnostic(
                        DiagnosticIds.TableMissingEndIf, DiagnosticSeverity.Warning, path, entry.KeySpan,
                        $"{MapPrefix()} {path}, line {entry.Line}: IF has no matching ENDIF"));
                }

                // dict_cidr.c/dict_regexp.c report innermost first: while (nesting-- > 0) ... rule_stack[nesting].
                list.Reverse();
                return list;
            }
        }

        public void Handle(LogicalLine line, List<SemanticRun> runs, LogicalLineParser parser)
        {
            var text = line.Text[..line.CLength];
            var context = new LineContext(line, runs, parser, this);
            switch (format)
            {
                case TableSourceFormat.Postmap:
                    HandlePostmap(text, context);
                    break;
                case TableSourceFormat.Aliases:
                    HandleAliases(text, context);
                    break;
                case TableSourceFormat.Cidr:
                    HandleCidr(text, context);
                    break;
                default:
                    HandleRegexp(text, context);
                    break;
            }
        }

        private string MapPrefix() => format switch
        {
            TableSourceFormat.Cidr => "cidr map",
            TableSourceFormat.Regexp => "regexp map",
            TableSourceFormat.Pcre => "pcre map",
            _ => string.Empty,
        };

        private string At(int line) => format is TableSourceFormat.Postmap or TableSourceFormat.Aliases
            ? $"{path}, line {line}"
            : $"{MapPrefix()} {path}, line {line}";

        private bool Utf8Rejected(ReadOnlySpan<char> text, LineContext context)
        {
            // postmap.c/postalias.c: "non-UTF-8 input" lines are ignored when smtputf8_enable is on.
            if (!utf8 || TableText.IsValidUtf8(text))
            {
                return false;
            }

            context.Skip($"{At(context.Line.LineNumber)}: non-UTF-8 input \"{text}\" -- ignoring this line");
            return true;
        }

        private void HandlePostmap(ReadOnlySpan<char> text, LineContext context)
        {
            if (Utf8Rejected(text, context))
            {
                return;
            }

            var split = TableText.SplitPostmapLine(text);
            var lineNumber = context.Line.LineNumber;
            if (split.UnbalancedQuote)
            {
                context.Skip($"{At(lineNumber)}: unbalanced '\"' in '{text}' -- ignoring this line");
                return;
            }

            if (split.KeyEnd == 0 || split.ValueEnd <= split.ValueStart)
            {
                context.Skip($"{At(lineNumber)}: expected format: key whitespace value");
                return;
            }

            var key = context.Line.GetString(0, split.KeyEnd);
            if (key.EndsWith(':'))
            {
                context.Warn(
                    DiagnosticIds.TableSuspiciousLine,
                    $"{At(lineNumber)}: record is in \"key: value\" format; is this an alias file?");
            }

            var entry = context.Entry(TableEntryKind.Entry, 0, split.KeyEnd, split.ValueStart, split.ValueEnd);
            if (detectDuplicates && !_keys.Add(TableText.FoldKey(key)))
            {
                context.Warn(DiagnosticIds.TableDuplicateKey, $"{At(lineNumber)}: duplicate entry: \"{key}\"", entry.KeySpan);
            }
        }

        private void HandleAliases(ReadOnlySpan<char> text, LineContext context)
        {
            if (Utf8Rejected(text, context))
            {
                return;
            }

            var lineNumber = context.Line.LineNumber;
            var parsed = AliasLine.Parse(text);
            if (parsed.Error is not null)
            {
                context.Skip($"{At(lineNumber)}: {parsed.Error}");
                return;
            }

            var key = parsed.Key!;
            context.Runs.Add(new SemanticRun(SyntaxKind.Key, parsed.KeyStart, parsed.KeyEnd));
            if (parsed.ValueEnd > parsed.ValueStart)
            {
                context.Runs.Add(new SemanticRun(SyntaxKind.ValueText, parsed.ValueStart, parsed.ValueEnd));
            }

            var line = context.Line;
            var entry = new TableEntrySyntax(
                TableEntryKind.Entry, lineNumber, key, line.ToSourceSpan(parsed.KeyStart, parsed.KeyEnd), parsed.Value!,
                line.ToSourceSpan(parsed.ValueStart, parsed.ValueEnd), line.SourceSpan);
            Entries.Add(entry);
            if (detectDuplicates && !_keys.Add(TableText.FoldKey(key)))
            {
                context.Warn(DiagnosticIds.TableDuplicateKey, $"{path}: duplicate entry: \"{TableText.FoldKey(key)}\"", entry.KeySpan);
            }
        }

        private void HandleCidr(ReadOnlySpan<char> text, LineContext context)
        {
            var lineNumber = context.Line.LineNumber;
            var parsed = CidrLine.Parse(text, _open.Count);
            if (parsed.Error is not null)
            {
                context.Skip($"{At(lineNumber)}: {parsed.Error}: skipping this rule");
                return;
            }

            var entry = context.Entry(parsed.Kind, parsed.KeyStart, parsed.KeyEnd, parsed.ValueStart, parsed.ValueEnd) with
            {
                Negated = parsed.Negated,
            };
            Entries[^1] = entry;
            Track(entry);
        }

        private void HandleRegexp(ReadOnlySpan<char> text, LineContext context)
        {
            var lineNumber = context.Line.LineNumber;
            var parsed = RegexpLine.Parse(text, format == TableSourceFormat.Pcre, _open.Count);
            foreach (var warning in parsed.Warnings)
            {
                // mac_parse() logs its own complaints without the map prefix.
                var raw = warning.StartsWith("truncated macro", StringComparison.Ordinal) || warning.StartsWith("empty macro", StringComparison.Ordinal);
                context.Warn(DiagnosticIds.TableSuspiciousLine, raw ? warning : $"{At(lineNumber)}: {warning}");
            }

            if (parsed.Error is not null)
            {
                context.Skip($"{At(lineNumber)}: {parsed.Error}");
                return;
            }

            var line = context.Line;
            var entry = context.Entry(parsed.Kind, parsed.KeyStart, parsed.KeyEnd, parsed.ValueStart, parsed.ValueEnd) with
            {
                Pattern = parsed.First is { } first ? ToSyntax(first, line) : null,
                SecondPattern = parsed.Second is { } second ? ToSyntax(second, line) : null,
            };
            Entries[^1] = entry;
            Track(entry);
        }

        private static RegexpPatternSyntax ToSyntax(RegexpLine.Pattern pattern, LogicalLine line) => new(
            pattern.Matches, pattern.Delimiter, line.GetString(pattern.BodyStart, pattern.BodyEnd),
            line.GetString(pattern.FlagsStart, pattern.End), line.ToSourceSpan(pattern.Start, pattern.End));

        private void Track(TableEntrySyntax entry)
        {
            if (entry.Kind == TableEntryKind.If)
            {
                _open.Push(entry);
            }
            else if (entry.Kind == TableEntryKind.EndIf)
            {
                _open.Pop();
            }
        }

        private readonly struct LineContext(LogicalLine line, List<SemanticRun> runs, LogicalLineParser parser, Handler handler)
        {
            public LogicalLine Line => line;

            public List<SemanticRun> Runs => runs;

            public void Skip(string message)
            {
                parser.Report(DiagnosticIds.TableSkippedLine, DiagnosticSeverity.Warning, line.SourceSpan, message);
                runs.Add(new SemanticRun(SyntaxKind.Unparsed, 0, line.Length));
                handler.Entries.Add(new TableEntrySyntax(
                    TableEntryKind.Skipped, line.LineNumber, string.Empty, new TextSpan(line.SourceSpan.Start, 0), string.Empty,
                    new TextSpan(line.SourceSpan.Start, 0), line.SourceSpan));
            }

            public void Warn(string code, string message, TextSpan? span = null) =>
                parser.Report(code, DiagnosticSeverity.Warning, span ?? line.SourceSpan, message);

            public TableEntrySyntax Entry(TableEntryKind kind, int keyStart, int keyEnd, int valueStart, int valueEnd)
            {
                if (keyEnd > keyStart)
                {
                    runs.Add(new SemanticRun(SyntaxKind.Key, keyStart, keyEnd));
                }

                if (valueEnd > valueStart)
                {
                    runs.Add(new SemanticRun(SyntaxKind.ValueText, valueStart, valueEnd));
                }

                var entry = new TableEntrySyntax(
                    kind, line.LineNumber, line.GetString(keyStart, keyEnd), line.ToSourceSpan(keyStart, keyEnd),
                    valueEnd > valueStart ? line.GetString(valueStart, valueEnd) : string.Empty,
                    line.ToSourceSpan(valueStart, valueEnd), line.SourceSpan);
                handler.Entries.Add(entry);
                return entry;
            }
        }
    }
}
