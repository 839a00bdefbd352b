namespace PostfixLint.Syntax.Tables;

/// <summary>Port of <c>dict_regexp_parseline()</c> and <c>dict_pcre_parse_rule()</c> for one logical line.</summary>
internal sealed class RegexpLine
{
    private RegexpLine(TableEntryKind kind)
    {
        Kind = kind;
    }

    public TableEntryKind Kind { get; private init; }

    public int KeyStart { get; private init; }

    public int KeyEnd { get; private init; }

    public int ValueStart { get; private init; }

    public int ValueEnd { get; private init; }

    public Pattern? First { get; private init; }

    public Pattern? Second { get; private init; }

    public string? Error { get; private init; }

    public List<string> Warnings { get; } = [];

    public static RegexpLine Parse(ReadOnlySpan<char> text, bool pcre, int nesting)
    {
        var warnings = new List<string>();
        var result = ParseCore(text, pcre, nesting, warnings);
        result.Warnings.AddRange(warnings);
        return result;
    }

    private static RegexpLine ParseCore(ReadOnlySpan<char> text, bool pcre, int nesting, List<string> warnings)
    {
        var p = 0;
        if (text.Length == 0 || !char.IsAsciiLetterOrDigit(text[0]))
        {
            var first = GetPattern(text, ref p, pcre, out var error);
            if (first is null)
            {
                return Fail(error!);
            }

            Pattern? second = null;
            if (!pcre && p < text.Length && text[p] == '!')
            {
                second = GetPattern(text, ref p, pcre, out error);
                if (second is null)
                {
                    return Fail(error!);
                }
            }

            var keyEnd = p;
            while (p < text.Length && TableText.IsSpace(text[p]))
            {
                p++;
            }

            if (p >= text.Length)
            {
                warnings.Add("no replacement text: using empty string");
            }

            var replacement = text[p..].ToString();
            var prescan = Replacement.Prescan(replacement, pcre ? "pcre" : "regexp");
            if (prescan.Error is not null)
            {
                warnings.AddRange(prescan.Warnings);
                return Fail(prescan.Error);
            }

            if (prescan.MaxSub > 0 && !first.Matches)
            {
                return Fail("$number found in negative match replacement text: skipping this rule");
            }

            var regex = RegexTranslator.TryCompile(first.Body(text), first.Flags(text), pcre, out var compileError);
            if (regex is null)
            {
                return Fail(pcre ? $"error in regex at offset 0: {compileError}" : compileError!);
            }

            if (prescan.MaxSub > RegexTranslator.CaptureCount(regex))
            {
                return Fail($"out of range replacement index \"{prescan.MaxSub}\": skipping this rule");
            }

            if (second is not null && RegexTranslator.TryCompile(second.Body(text), second.Flags(text), pcre, out compileError) is null)
            {
                return Fail(compileError!);
            }

            return new RegexpLine(TableEntryKind.Entry)
            {
                KeyStart = first.Start,
                KeyEnd = keyEnd,
                ValueStart = p,
                ValueEnd = text.Length,
                First = first,
                Second = second,
            };
        }

        if (CidrLine.IsKeyword(text, "IF"))
        {
            p = 2;
            while (p < text.Length && TableText.IsSpace(text[p]))
            {
                p++;
            }

            var pattern = GetPattern(text, ref p, pcre, out var error);
            if (pattern is null)
            {
                return Fail(error!);
            }

            var keyEnd = p;
            while (p < text.Length && TableText.IsSpace(text[p]))
            {
                p++;
            }

            if (p < text.Length)
            {
                warnings.Add($"ignoring extra text after IF statement: \"{text[p..]}\"");
                warnings.Add("do not prepend whitespace to statements between IF and ENDIF");
            }

            if (RegexTranslator.TryCompile(pattern.Body(text), pattern.Flags(text), pcre, out var compileError) is null)
            {
                return Fail(pcre ? $"error in regex at offset 0: {compileError}" : compileError!);
            }

            return new RegexpLine(TableEntryKind.If) { KeyStart = 0, KeyEnd = keyEnd, ValueStart = keyEnd, ValueEnd = keyEnd, First = pattern };
        }

        if (CidrLine.IsKeyword(text, "ENDIF"))
        {
            if (nesting == 0)
            {
                return Fail("ignoring ENDIF without matching IF");
            }

            p = 5;
            while (p < text.Length && TableText.IsSpace(text[p]))
            {
                p++;
            }

            if (p < text.Length)
            {
                warnings.Add("ignoring extra text after ENDIF");
            }

            return new RegexpLine(TableEntryKind.EndIf) { KeyStart = 0, KeyEnd = 5, ValueStart = 5, ValueEnd = 5 };
        }

        return Fail("ignoring unrecognized request");
    }

    private static Pattern? GetPattern(ReadOnlySpan<char> text, ref int p, bool pcre, out string? error)
    {
        error = null;
        var start = p;
        var matches = true;
        while (p < text.Length && (text[p] == '!' || TableText.IsSpace(text[p])))
        {
            matches = text[p] == '!' ? !matches : matches;
            p++;
        }

        if (p >= text.Length)
        {
            error = "no regexp: skipping this rule";
            return null;
        }

        var delimiter = text[p++];
        var bodyStart = p;
        while (p < text.Length)
        {
            if (text[p] == '\\')
            {
                if (p + 1 >= text.Length)
                {
                    break;
                }

                p++;
            }
            else if (text[p] == delimiter)
            {
                break;
            }

            p++;
        }

        if (p >= text.Length)
        {
            error = $"no closing regexp delimiter \"{delimiter}\": {(pcre ? "ignoring" : "skipping")} this rule";
            return null;
        }

        var bodyEnd = p++;
        var flagsStart = p;
        while (p < text.Length && !TableText.IsSpace(text[p]) && (pcre || text[p] != '!'))
        {
            var flag = text[p];
            var known = pcre ? flag is 'i' or 'm' or 's' or 'x' or 'A' or 'E' or 'U' or 'X' : flag is 'i' or 'm' or 'x';
            if (!known)
            {
                error = $"unknown regexp option \"{flag}\": skipping this rule";
                return null;
            }

            p++;
        }

        return new Pattern(matches, delimiter, start, bodyStart, bodyEnd, flagsStart, p);
    }

    private static RegexpLine Fail(string error) => new(TableEntryKind.Skipped) { Error = error };

    /// <summary>A pattern's offsets in the logical line.</summary>
    internal sealed record Pattern(bool Matches, char Delimiter, int Start, int BodyStart, int BodyEnd, int FlagsStart, int End)
    {
        public string Body(ReadOnlySpan<char> text) => text[BodyStart..BodyEnd].ToString();

        public string Flags(ReadOnlySpan<char> text) => text[FlagsStart..End].ToString();
    }
}
