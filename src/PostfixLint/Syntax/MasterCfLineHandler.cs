using System.Collections.Immutable;
using PostfixLint.Diagnostics;

namespace PostfixLint.Syntax;

/// <summary>Reads one master.cf logical line as postconf does (<c>src/postconf/postconf_master.c</c>).</summary>
internal sealed class MasterCfLineHandler : ILogicalLineHandler
{
    private const int MinFields = 8;

    // pcf_str_field_pattern() names, in field order.
    private static readonly string[] s_fieldNames =
        ["service", "type", "private", "unprivileged", "chroot", "wakeup", "process_limit", "command"];

    // pcf_valid_master_types[] in 3.7 (MASTER_XPORT_NAME_*, src/master/master_proto.h).
    private static readonly string[] s_validTypes = ["unix", "unix-dgram", "fifo", "inet", "pass"];

    private readonly List<(int Start, int End)> _words = [];
    private readonly List<NormalizedArgument> _args = [];

    public ImmutableArray<ServiceEntrySyntax>.Builder Services { get; } = ImmutableArray.CreateBuilder<ServiceEntrySyntax>();

    public void Handle(LogicalLine line, List<SemanticRun> runs, LogicalLineParser parser)
    {
        var text = line.Text[..line.CLength];
        SplitWords(text);
        if (_words.Count < MinFields)
        {
            // pcf_read_master(): msg_fatal("file %s: line %d: %s", path, line_count, "bad field count").
            parser.Report(DiagnosticIds.MasterBadFieldCount, DiagnosticSeverity.Fatal, line.SourceSpan, "bad field count");
            runs.Add(new SemanticRun(SyntaxKind.Unparsed, 0, line.Length));
            return;
        }

        for (var i = 0; i < _words.Count; i++)
        {
            runs.Add(new SemanticRun(i < MinFields ? SyntaxKind.Field : SyntaxKind.Argument, _words[i].Start, _words[i].End));
        }

        var lineText = line.GetString(0, line.CLength);
        CheckFields(line, text, lineText, parser);

        var fields = new ServiceFieldSyntax[MinFields];
        for (var i = 0; i < MinFields; i++)
        {
            fields[i] = new ServiceFieldSyntax(Word(text, i), line.ToSourceSpan(_words[i].Start, _words[i].End));
        }

        var arguments = ImmutableArray.CreateBuilder<CommandArgumentSyntax>(_words.Count - MinFields);
        _args.Clear();
        for (var i = MinFields; i < _words.Count; i++)
        {
            arguments.Add(new CommandArgumentSyntax(Word(text, i), line.ToSourceSpan(_words[i].Start, _words[i].End)));
            _args.Add(NormalizedArgument.Range(_words[i].Start, _words[i].End, dash: false));
        }

        Normalize(line, text, parser);
        var normalized = ImmutableArray.CreateBuilder<string>(_args.Count);
        foreach (var arg in _args)
        {
            normalized.Add(arg.GetText(text));
        }

        Services.Add(new ServiceEntrySyntax(
            fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7],
            arguments.MoveToImmutable(),
            normalized.MoveToImmutable(),
            CollectOverrides(line, text),
            line.LineNumber,
            line.SourceSpan));
    }

    private static bool StartsWith(string s, char c) => s.Length > 0 && s[0] == c;

    // A one-char "-" has arg[1] == '\0', and strchr("o", '\0') finds the terminator: postconf treats it as an
    // option that takes a value.
    private static bool ExpectsValue(string arg) => arg.Length == 1 || arg[1] == 'o';

    private string Word(ReadOnlySpan<char> text, int index) => text[_words[index].Start.._words[index].End].ToString();

    // src/util/mystrtok.c mystrtokq(): blanks separate words except inside {...}; an unclosed '{' runs to the end.
    private void SplitWords(ReadOnlySpan<char> text)
    {
        _words.Clear();
        var p = 0;
        while (true)
        {
            while (p < text.Length && CharClass.IsMasterBlank(text[p]))
            {
                p++;
            }

            if (p == text.Length)
            {
                return;
            }

            var start = p;
            var level = 0;
            for (; p < text.Length; p++)
            {
                var c = text[p];
                if (c == '{')
                {
                    level++;
                }
                else if (level > 0 && c == '}')
                {
                    level--;
                }
                else if (level == 0 && CharClass.IsMasterBlank(c))
                {
                    break;
                }
            }

            _words.Add((start, p));
        }
    }

    // pcf_check_master_entry(): the first bad field is fatal.
    private void CheckFields(LogicalLine line, ReadOnlySpan<char> text, string lineText, LogicalLineParser parser)
    {
        for (var field = 1; field < MinFields - 1; field++)
        {
            var value = text[_words[field].Start.._words[field].End];
            if (!IsValidField(field, value))
            {
                // pcf_fix_fatal("invalid %s field \"%s\" in \"%s\"", ...).
                parser.Report(
                    DiagnosticIds.MasterInvalidField,
                    DiagnosticSeverity.Fatal,
                    line.ToSourceSpan(_words[field].Start, _words[field].End),
                    $"invalid {s_fieldNames[field]} field \"{value}\" in \"{lineText}\"");
                return;
            }
        }
    }

    private static bool IsValidField(int field, ReadOnlySpan<char> value)
    {
        switch (field)
        {
            case 1:
                foreach (var type in s_validTypes)
                {
                    if (value.SequenceEqual(type))
                    {
                        return true;
                    }
                }

                return false;
            case 2 or 3 or 4:
                return value.Length == 1 && value[0] is 'y' or 'n' or '-';
            case 5:
                {
                    var length = value.Length > 0 && value[^1] == '?' ? value.Length - 1 : value.Length;
                    return (value[0] == '-' && length == 1) || DigitPrefix(value) == length;
                }

            default:
                return value.SequenceEqual("-") || DigitPrefix(value) == value.Length;
        }
    }

    private static int DigitPrefix(ReadOnlySpan<char> value)
    {
        var n = 0;
        while (n < value.Length && char.IsAsciiDigit(value[n]))
        {
            n++;
        }

        return n;
    }

    // pcf_normalize_daemon_args(), replayed on offsets so every piece still knows where it came from.
    private void Normalize(LogicalLine line, ReadOnlySpan<char> text, LogicalLineParser parser)
    {
        var field = 0;
        for (; field < _args.Count; field++)
        {
            var arg = _args[field].GetText(text);
            if (!StartsWith(arg, '-') || arg == "--")
            {
                break;
            }

            // Split "-stuffozz" into "-stuff" and "-ozz" (any 'o' after the first option letter, even inside a value).
            for (var cp = 2; cp < arg.Length; cp++)
            {
                if (arg[cp] == 'o')
                {
                    var current = _args[field];
                    var at = current.ToLogical(cp);
                    _args.Insert(field + 1, NormalizedArgument.Range(at, current.End, dash: true));
                    _args[field] = current with { End = at };
                    arg = arg[..cp];
                    break;
                }
            }

            if (!ExpectsValue(arg))
            {
                continue;
            }

            bool extract;
            if (arg.Length > 2)
            {
                // Split "-oname=value" into "-o" and "name=value".
                var current = _args[field];
                var at = current.ToLogical(2);
                _args.Insert(field + 1, NormalizedArgument.Range(at, current.End, dash: false));
                _args[field] = current with { End = at };
                field++;
                extract = StartsWith(_args[field].GetText(text), '{');
            }
            else if (field + 1 < _args.Count)
            {
                field++;
                extract = StartsWith(_args[field].GetText(text), '{');
            }
            else
            {
                extract = false;
            }

            if (extract)
            {
                ExtractBraces(line, text, field, parser);
                var option = _args[field - 1].GetText(text);
                if (option.Length > 1 && option[1] == 'o')
                {
                    NormalizeNameValue(line, text, field, parser);
                }
            }
        }

        for (; field < _args.Count; field++)
        {
            if (StartsWith(_args[field].GetText(text), '{'))
            {
                ExtractBraces(line, text, field, parser);
            }
        }
    }

    // src/util/extpar.c extpar(..., EXTPAR_FLAG_STRIP), warnings as pcf_extract_field() logs them.
    private void ExtractBraces(LogicalLine line, ReadOnlySpan<char> text, int field, LogicalLineParser parser)
    {
        var arg = _args[field];
        var word = text[arg.Start..arg.End];
        var length = BalancedLength(word);
        int innerStart = arg.Start + 1, innerEnd;
        string? error = null;
        if (length == 0)
        {
            error = $"missing '}}' in \"{word}\"";
            innerEnd = arg.End;
        }
        else
        {
            if (length < word.Length)
            {
                error = $"syntax error after '}}' in \"{word}\"";
            }

            innerEnd = arg.Start + length - 1;
        }

        if (error is not null)
        {
            parser.Report(DiagnosticIds.MasterBadBraces, DiagnosticSeverity.Warning, line.ToSourceSpan(arg.Start, arg.End), error);
        }

        while (innerEnd > innerStart && CharClass.IsSpace(text[innerEnd - 1]))
        {
            innerEnd--;
        }

        while (innerStart < innerEnd && CharClass.IsSpace(text[innerStart]))
        {
            innerStart++;
        }

        _args[field] = NormalizedArgument.Range(innerStart, innerEnd, dash: false) with { OuterEnd = arg.End };
    }

    // src/util/balpar.c balpar(): length of the balanced {...} at the start, 0 when unbalanced.
    private static int BalancedLength(ReadOnlySpan<char> word)
    {
        var level = 1;
        for (var p = 1; p < word.Length; p++)
        {
            if (word[p] == '}')
            {
                if (--level == 0)
                {
                    return p + 1;
                }
            }
            else if (word[p] == '{')
            {
                level++;
            }
        }

        return 0;
    }

    // pcf_normalize_nameval(): "{ name = value }" becomes "name=value"; on error postconf warns and keeps the text.
    private void NormalizeNameValue(LogicalLine line, ReadOnlySpan<char> text, int field, LogicalLineParser parser)
    {
        var arg = _args[field];
        var inner = text[arg.Start..arg.End];
        var split = NameValueSplit.Split(inner);
        if (split.Error is not null)
        {
            parser.Report(
                DiagnosticIds.MasterBadOverride,
                DiagnosticSeverity.Warning,
                line.ToSourceSpan(arg.Start, arg.End),
                $"{split.Error}: \"{inner}\"");
            return;
        }

        _args[field] = arg with
        {
            NameStart = arg.Start + split.NameStart,
            NameEnd = arg.Start + split.NameEnd,
            ValueStart = arg.Start + split.ValueStart,
            ValueEnd = arg.Start + split.ValueEnd,
        };
    }

    // pcf_register_service_parameters() (src/postconf/postconf_user.c): "-o" plus a value that split_nameval() accepts.
    private ImmutableArray<ServiceOverrideSyntax> CollectOverrides(LogicalLine line, ReadOnlySpan<char> text)
    {
        var overrides = ImmutableArray.CreateBuilder<ServiceOverrideSyntax>();
        for (var field = 0; field < _args.Count; field++)
        {
            var arg = _args[field].GetText(text);
            if (!StartsWith(arg, '-') || arg == "--")
            {
                break;
            }

            if (!ExpectsValue(arg) || field + 1 >= _args.Count)
            {
                continue;
            }

            var option = _args[field];
            var value = _args[++field];
            if (arg != "-o")
            {
                continue;
            }

            int nameStart, nameEnd, valueStart, valueEnd;
            if (value.NameStart >= 0)
            {
                (nameStart, nameEnd, valueStart, valueEnd) = (value.NameStart, value.NameEnd, value.ValueStart, value.ValueEnd);
            }
            else
            {
                var split = NameValueSplit.Split(text[value.Start..value.End]);
                if (split.Error is not null)
                {
                    continue;
                }

                var origin = value.ToLogical(0);
                (nameStart, nameEnd, valueStart, valueEnd) =
                    (origin + split.NameStart, origin + split.NameEnd, origin + split.ValueStart, origin + split.ValueEnd);
                if (valueStart == valueEnd)
                {
                    valueStart = valueEnd = origin + split.EqualsAt + 1;
                }
            }

            overrides.Add(new ServiceOverrideSyntax(
                text[nameStart..nameEnd].ToString(),
                text[valueStart..valueEnd].ToString(),
                line.ToSourceSpan(nameStart, nameEnd),
                line.ToSourceSpan(valueStart, valueEnd),
                line.ToSourceSpan(option.Start, value.OuterEnd))
            {
                ValuePieces = line.Slice(valueStart, valueEnd),
            });
        }

        return overrides.ToImmutable();
    }
}
