using System.Collections.Immutable;
using System.Text;
using PostfixLint.Diagnostics;
using PostfixLint.Syntax;

namespace PostfixLint.Model.Values;

/// <summary>
/// A faithful port of the control flow of <c>mac_parse()</c> (<c>src/util/mac_parse.c</c>) and
/// <c>mac_expand()</c> / <c>mac_expand_callback()</c> (<c>src/util/mac_expand.c</c>) of Postfix 3.7.
/// </summary>
/// <remarks>
/// The C code edits a copy of the text in place (writing NULs); here every piece of text is a
/// <c>[start, end)</c> range of an immutable source string, which also gives offsets for the scan.
/// The order of warnings, the early returns that skip the nesting-level decrement, and the
/// "keep parsing after a callback failed" behaviour are kept on purpose: they decide which
/// messages Postfix prints.
/// </remarks>
internal sealed class MacroEngine
{
    public const int StatusError = 1;
    public const int StatusUndef = 2;

    private const string Whitespace = " \t\r\n"; // CHARS_SPACE in src/util/sys_defs.h

    private readonly Func<string, string?> _lookup;
    private readonly MacroExpanderOptions _options;
    private readonly bool _scan;
    private readonly ExpansionLimitMemo? _overLimit;
    private readonly ExpansionValueMemo? _values;
    private readonly ImmutableArray<MacroMessage>.Builder _messages = ImmutableArray.CreateBuilder<MacroMessage>();
    private readonly ImmutableArray<MacroReference>.Builder _references = ImmutableArray.CreateBuilder<MacroReference>();
    private string? _fatal;
    private bool _limitHit;
    private int _operandDepth;

    // The parameters whose values are being expanded (recursively) right now: how many times each is open, and the
    // comparison-operand depth at which it was first opened.
    private readonly Dictionary<string, (int OperandDepth, int Count)> _open = new(StringComparer.Ordinal);
    private int _steps;

    // What an entry of the value memo must know (see ExpansionValueMemo): the deepest nesting level checked, the deepest
    // comparison operand checked (one past the operand depth at its check), and how many undefined names were met.
    private int _maxLevel;
    private int _operandReach;
    private int _undefined;

    public MacroEngine(
        Func<string, string?> lookup,
        MacroExpanderOptions options,
        bool scan,
        ExpansionLimitMemo? overLimit = null,
        ExpansionValueMemo? values = null)
    {
        _lookup = lookup;
        _options = options;
        _scan = scan;
        _overLimit = overLimit;
        _values = scan ? null : values;
    }

    public ImmutableArray<MacroMessage>.Builder Messages => _messages;

    public ImmutableArray<MacroReference>.Builder References => _references;

    /// <summary>True when the expansion stopped at postfix-lint's expansion limit (<see cref="InputLimits"/>).</summary>
    public bool LimitHit => _limitHit;

    /// <summary>A message that aborts the program outright (msg_fatal inside the expansion), or null.</summary>
    public string? Fatal => _fatal;

    /// <summary><c>mac_expand()</c>: a fresh context (level 0, status 0) over <c>s[start, end)</c>.</summary>
    /// <param name="s">The text.</param>
    /// <param name="start">Where the expression starts.</param>
    /// <param name="end">Where it ends.</param>
    /// <param name="result">Receives the expanded text.</param>
    /// <param name="recorder">Records where each run of <paramref name="result"/> came from; null records nothing.</param>
    public int Expand(string s, int start, int end, StringBuilder result, ExpansionRecorder? recorder = null)
    {
        var context = new Context(result, recorder);
        return Parse(s, start, end, context);
    }

    private sealed class Context(StringBuilder result, ExpansionRecorder? recorder)
    {
        public StringBuilder Result { get; } = result;

        // Only the context that builds the value records; relational operands are expanded in contexts of their own.
        public ExpansionRecorder? Recorder { get; } = recorder;

        public int Status { get; set; }

        public int Level { get; set; }
    }

    private int ParseError(Context context, string text)
    {
        _messages.Add(new MacroMessage(DiagnosticSeverity.Warning, text));
        return context.Status |= StatusError;
    }

    // src/util/mac_parse.c: mac_parse().
    private int Parse(string s, int start, int end, Context context)
    {
        var literal = new StringBuilder();
        var pieces = context.Recorder is null ? null : new List<ExpansionRecorder.Piece>();
        var status = 0;
        var vp = start;
        while (vp < end)
        {
            if (_fatal != null)
            {
                return status | StatusError;
            }

            if (s[vp] != '$')
            {
                literal.Append(s[vp]);
                ExpansionRecorder.AddPiece(pieces, vp, 1, 1);
                vp += 1;
            }
            else if (vp + 1 < end && s[vp + 1] == '$')
            {
                // $$ becomes $.
                literal.Append('$');
                ExpansionRecorder.AddPiece(pieces, vp, 2, 1);
                vp += 2;
            }
            else
            {
                if (literal.Length > 0)
                {
                    status |= LiteralCallback(literal.ToString(), context, pieces);
                    literal.Clear();
                    pieces?.Clear();
                }

                var dollar = vp;
                vp += 1;
                int exprStart;
                int exprEnd;
                if (vp < end && (s[vp] == '{' || s[vp] == '('))
                {
                    var open = s[vp];
                    var close = open == '{' ? '}' : ')';
                    var level = 1;
                    vp += 1;
                    int ep;
                    for (ep = vp; level > 0; ep++)
                    {
                        if (ep >= end)
                        {
                            _messages.Add(new MacroMessage(DiagnosticSeverity.Warning, $"truncated macro reference: \"{s[start..end]}\""));
                            status |= StatusError;
                            break;
                        }

                        if (s[ep] == open)
                        {
                            level++;
                        }

                        if (s[ep] == close)
                        {
                            level--;
                        }
                    }

                    // Also true when an earlier callback in this parse failed.
                    if ((status & StatusError) != 0)
                    {
                        break;
                    }

                    exprStart = vp;
                    exprEnd = ep - 1;
                    vp = ep;
                }
                else
                {
                    var ep = vp;
                    while (ep < end && (char.IsAsciiLetterOrDigit(s[ep]) || s[ep] == '_'))
                    {
                        ep++;
                    }

                    exprStart = vp;
                    exprEnd = ep;
                    vp = ep;
                }

                if (exprEnd == exprStart)
                {
                    status |= StatusError;
                    _messages.Add(new MacroMessage(DiagnosticSeverity.Warning, $"empty macro name: \"{s[start..end]}\""));
                    break;
                }

                status |= ExprCallback(s, exprStart, exprEnd, context, TextSpan.FromBounds(dollar, vp));
            }
        }

        if (literal.Length > 0 && (status & StatusError) == 0)
        {
            status |= LiteralCallback(literal.ToString(), context, pieces);
        }

        return status;
    }

    private bool EnterCallback(string text, Context context)
    {
        // Not Postfix: a bound on the work and the text of one expansion, so that a chain of parameters that each
        // name the previous one twice (2^n) stops with a clear message instead of running out of time and memory.
        if (++_steps > InputLimits.MaxExpansionSteps || context.Result.Length > InputLimits.MaxExpansionLength)
        {
            _limitHit |= _fatal is null;
            _fatal ??= ExpansionLimitText(text[..Math.Min(text.Length, 40)]);
            context.Status |= StatusError;
            return false;
        }

        // mac_expand_callback(): "if (mc->level++ > 100)" - the check happens before the status test.
        _maxLevel = Math.Max(_maxLevel, context.Level);
        if (context.Level++ > _options.MaxNesting)
        {
            ParseError(context, $"unreasonable macro call nesting: \"{text}\"");
        }

        return (context.Status & StatusError) == 0;
    }

    private void Open(string? name)
    {
        if (name is null)
        {
            return;
        }

        _open[name] = _open.TryGetValue(name, out var open) ? open with { Count = open.Count + 1 } : (_operandDepth, 1);
    }

    private void Close(string? name)
    {
        if (name is null || !_open.TryGetValue(name, out var open))
        {
            return;
        }

        if (open.Count == 1)
        {
            _open.Remove(name);
        }
        else
        {
            _open[name] = open with { Count = open.Count - 1 };
        }
    }

    private static string ExpansionLimitText(string text) =>
        $"expanding \"{text}\" takes more than {InputLimits.MaxExpansionSteps} macro calls or {InputLimits.MaxExpansionLength} characters: "
        + "a parameter chain that doubles at each step? (postfix-lint's limit; Postfix would run out of time or memory)";

    private int LiteralCallback(string text, Context context, List<ExpansionRecorder.Piece>? pieces)
    {
        if (!EnterCallback(text, context))
        {
            return context.Status;
        }

        if (!_scan)
        {
            context.Recorder?.AddLiteral(context.Result.Length, pieces!);
            context.Result.Append(text);
        }

        context.Level--;
        return context.Status;
    }

    private static int SkipSpace(string s, int cp, int end)
    {
        while (cp < end && Whitespace.Contains(s[cp]))
        {
            cp++;
        }

        return cp;
    }

    private static char At(string s, int i, int end) => i < end ? s[i] : '\0';

    private static string Rest20(string s, int cp, int end) => s.Substring(cp, Math.Min(20, end - cp));

    /// <summary>MAC_EXP_FIND_LEFT_CURLY: skip white space to '{' and advance only when found.</summary>
    private static bool FindLeftCurly(string s, ref int cp, int end)
    {
        var probe = SkipSpace(s, cp, end);
        if (probe < end && s[probe] == '{')
        {
            cp = probe;
            return true;
        }

        return false;
    }

    /// <summary>mac_exp_extract_curly_payload(): balance {}, then skip white space after the closing brace.</summary>
    private bool ExtractCurly(Context context, string s, ref int cp, int end, out int payloadStart, out int payloadEnd)
    {
        var level = 1;
        payloadStart = cp + 1;
        int i;
        for (i = payloadStart; ; i++)
        {
            if (i >= end)
            {
                ParseError(context, $"unbalanced {{}} in attribute expression: \"{s[cp..end]}\"");
                payloadEnd = payloadStart;
                return false;
            }

            if (s[i] == '{')
            {
                level++;
            }
            else if (s[i] == '}')
            {
                if (--level <= 0)
                {
                    break;
                }
            }
        }

        payloadEnd = i;
        cp = SkipSpace(s, i + 1, end);
        return true;
    }

    private int ExprCallback(string s, int bufStart, int bufEnd, Context context, TextSpan reference)
    {
        if (!EnterCallback(s[bufStart..bufEnd], context))
        {
            return context.Status;
        }

        var cp = bufStart;
        string? lookup;
        string? name = null;
        char ch;
        if (FindLeftCurly(s, ref cp, bufEnd))
        {
            if (!ParseRelational(context, s, ref cp, bufEnd, out lookup))
            {
                return context.Status;
            }

            ch = At(s, cp, bufEnd);
            if (ch != '\0')
            {
                if (ch != '?' && ch != ':')
                {
                    return ParseError(context, $"\"?\" or \":\" expected at: \"...}}>>>{Rest20(s, cp, bufEnd)}\"");
                }

                cp++;
            }
        }
        else
        {
            var start = cp = SkipSpace(s, cp, bufEnd);
            int nameEnd;
            for (; ; cp++)
            {
                var afterSpace = SkipSpace(s, cp, bufEnd);
                ch = At(s, afterSpace, bufEnd);
                if (ch == '\0')
                {
                    nameEnd = cp;
                    break;
                }

                if (ch == '?' || ch == ':')
                {
                    nameEnd = cp;
                    cp = afterSpace + 1;
                    break;
                }

                var c = s[cp];
                if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                {
                    return ParseError(context, $"attribute name syntax error at: \"...{s[bufStart..cp]}>>>{Rest20(s, cp, bufEnd)}\"");
                }
            }

            name = s[start..nameEnd];
            if (_scan)
            {
                _references.Add(new MacroReference(name, TextSpan.FromBounds(start, nameEnd)) { ReferenceSpan = reference });
                lookup = null;
            }
            else
            {
                lookup = _lookup(name);
            }
        }

        switch (ch)
        {
            case '?':
                {
                    int tStart;
                    int tEnd;
                    if (FindLeftCurly(s, ref cp, bufEnd))
                    {
                        if (!ExtractCurly(context, s, ref cp, bufEnd, out tStart, out tEnd))
                        {
                            return context.Status;
                        }
                    }
                    else
                    {
                        tStart = cp;
                        tEnd = bufEnd;
                        cp = bufEnd;
                    }

                    if (!string.IsNullOrEmpty(lookup) || _scan)
                    {
                        context.Status |= Parse(s, tStart, tEnd, context);
                    }

                    if (cp >= bufEnd)
                    {
                        break;
                    }

                    if (s[cp] != ':')
                    {
                        return ParseError(context, $"\":\" expected at: \"...{s[tStart..tEnd]}}}>>>{Rest20(s, cp, bufEnd)}\"");
                    }

                    cp += 1;
                    if (!ElseBranch(context, s, ref cp, bufEnd, lookup))
                    {
                        return context.Status;
                    }

                    break;
                }

            case ':':
                if (!ElseBranch(context, s, ref cp, bufEnd, lookup))
                {
                    return context.Status;
                }

                break;

            default:
                if (lookup == null)
                {
                    context.Status |= StatusUndef;
                    _undefined++;
                }
                else if (lookup.Length == 0 || _scan)
                {
                    // Nothing to add.
                }
                else if (_options.Recursive && name is not null && _overLimit?.Find(name) is { } known)
                {
                    // This name's value alone passed the expansion limit before: stop as it did, without building it again.
                    _limitHit |= _fatal is null;
                    _fatal ??= known;
                    context.Status |= StatusError;
                }
                else if (_options.Recursive && name is not null && context.Recorder is null && _values?.Find(name) is { } memo
                    && _fatal is null
                    && context.Level + memo.Depth <= _options.MaxNesting
                    && _operandDepth + memo.OperandDepth <= _options.MaxNesting
                    && _steps + memo.Steps <= InputLimits.MaxExpansionSteps
                    && context.Result.Length + memo.Text.Length <= InputLimits.MaxExpansionLength)
                {
                    // Expanding the value again would make the same calls, reach no limit and build the same text.
                    _steps += memo.Steps;
                    _maxLevel = Math.Max(_maxLevel, context.Level + memo.Depth);
                    _operandReach = Math.Max(_operandReach, _operandDepth + memo.OperandDepth);
                    if (memo.UsedUndefined)
                    {
                        context.Status |= StatusUndef;
                        _undefined++;
                    }

                    context.Result.Append(memo.Text);
                }
                else if (_options.Recursive && name is not null && _open.TryGetValue(name, out var open) && open.OperandDepth < _operandDepth)
                {
                    // "$name" inside a comparison operand while name's own value is being expanded outside it. Each operand
                    // is a fresh mac_expand() with its nesting level back at 0, so Postfix would walk the same path again
                    // forever (until its stack runs out); nothing but a failure can come of it. Stop here, as at the
                    // operand nesting bound below, instead of unfolding every operand of every level up to that bound.
                    ParseError(context, $"unreasonable macro call nesting: \"{name}\"");
                }
                else if (_options.Recursive)
                {
                    // Expanding "$name" by itself costs this callback's step plus what the value costs here.
                    var (startLength, startSteps) = (context.Result.Length, _steps - 1);
                    var (startLevel, startMaxLevel, startMessages) = (context.Level, _maxLevel, _messages.Count);
                    var (startUndefined, startOperandReach) = (_undefined, _operandReach);
                    _maxLevel = startLevel;
                    _operandReach = _operandDepth;
                    context.Recorder?.Enter(name, reference);
                    Open(name);
                    context.Status |= Parse(lookup, 0, lookup.Length, context);
                    Close(name);
                    context.Recorder?.Leave();
                    if (_limitHit && _overLimit is not null && name is not null
                        && (context.Result.Length - startLength > InputLimits.MaxExpansionLength || _steps - startSteps > InputLimits.MaxExpansionSteps))
                    {
                        _overLimit.Add(name, _fatal!);
                    }

                    // Only a value that expanded without a message, and came back to its level, is kept. Its comparisons are
                    // kept with it: each operand is expanded afresh (level 0), so only the operand depth reached can differ
                    // where it is reused, and the reuse checks that.
                    var steps = _steps - startSteps - 1;
                    if (_values is not null && name is not null && context.Recorder is null && steps >= MemoMinSteps
                        && _fatal is null && (context.Status & StatusError) == 0 && _messages.Count == startMessages
                        && context.Level == startLevel)
                    {
                        var text = context.Result.ToString(startLength, context.Result.Length - startLength);
                        _values.Add(name, new ExpansionValueMemo.Entry(text, steps, _maxLevel - startLevel, _operandReach - _operandDepth, _undefined != startUndefined));
                    }

                    _maxLevel = Math.Max(startMaxLevel, _maxLevel);
                    _operandReach = Math.Max(startOperandReach, _operandReach);
                }
                else
                {
                    if (context.Recorder is { } recorder)
                    {
                        recorder.Enter(name, reference);
                        recorder.AddLiteral(context.Result.Length, [new ExpansionRecorder.Piece(0, lookup.Length, lookup.Length)]);
                        recorder.Leave();
                    }

                    context.Result.Append(lookup);
                }

                break;
        }

        context.Level--;
        return context.Status;
    }

    /// <summary>The ':' case of mac_expand_callback(); false when it returned early with an error.</summary>
    private bool ElseBranch(Context context, string s, ref int cp, int bufEnd, string? lookup)
    {
        int fStart;
        int fEnd;
        if (FindLeftCurly(s, ref cp, bufEnd))
        {
            if (!ExtractCurly(context, s, ref cp, bufEnd, out fStart, out fEnd))
            {
                return false;
            }
        }
        else
        {
            fStart = cp;
            fEnd = bufEnd;
            cp = bufEnd;
        }

        if (string.IsNullOrEmpty(lookup) || _scan)
        {
            context.Status |= Parse(s, fStart, fEnd, context);
        }

        if (cp < bufEnd)
        {
            ParseError(context, $"unexpected input at: \"...{s[fStart..fEnd]}}}>>>{Rest20(s, cp, bufEnd)}\"");
            return false;
        }

        return true;
    }

    // A value that makes fewer macro calls is cheaper to expand again than to keep.
    private const int MemoMinSteps = 16;

    private static readonly string[] s_operators = ["==", "!=", "<", "<=", ">=", ">"];

    private const string OperatorChars = "<>!=?+-*/~&|%";

    // mac_exp_parse_relational(); true on success with cp after the right operand.
    private bool ParseRelational(Context context, string s, ref int cp, int bufEnd, out string? lookup)
    {
        lookup = null;
        if (!ExtractCurly(context, s, ref cp, bufEnd, out var leftStart, out var leftEnd))
        {
            return false;
        }

        var left = s[leftStart..leftEnd];
        var opPos = cp;
        while (cp < bufEnd && OperatorChars.Contains(s[cp]))
        {
            cp++;
        }

        var op = s[opPos..cp];
        if (Array.IndexOf(s_operators, op) < 0)
        {
            ParseError(context, $"\"==\" or \"!=\"\" or \"<\"\" or \"<=\"\" or \">=\"\" or \">\" expected at: \"...{left}}}>>>{Rest20(s, opPos, bufEnd)}\"");
            return false;
        }

        var levelOperator = false;
        if (_options.CompatibilityLevelOperators && cp < bufEnd && char.IsAsciiLetterOrDigit(s[cp]))
        {
            var typePos = cp;
            while (cp < bufEnd && char.IsAsciiLetterOrDigit(s[cp]))
            {
                cp++;
            }

            if (s[typePos..cp] != "level")
            {
                ParseError(context, $"bad operator suffix at: \"...{op}>>>{s[typePos..cp]}\"");
                return false;
            }

            levelOperator = true;
        }

        if (!FindLeftCurly(s, ref cp, bufEnd))
        {
            ParseError(context, $"\"{{expression}}\" expected at: \"...{{{left}}} {op}>>>{Rest20(s, cp, bufEnd)}\"");
            return false;
        }

        if (!ExtractCurly(context, s, ref cp, bufEnd, out var rightStart, out var rightEnd))
        {
            return false;
        }

        // Each operand is expanded by its own mac_expand() call: a new nesting level count, so Postfix never stops
        // nested comparisons. We do, at the same depth as other macro calls: each level re-scans its operands, and the
        // recursion would otherwise follow the text to any depth (cubic time, then a stack overflow).
        _operandReach = Math.Max(_operandReach, _operandDepth + 1);
        if (_operandDepth >= _options.MaxNesting)
        {
            ParseError(context, $"unreasonable macro call nesting: \"{s[leftStart..Math.Min(leftEnd, leftStart + 100)]}\"");
            return false;
        }

        // Each comparison re-scans its operands' text, so count that text as work too (see EnterCallback).
        _steps += (rightEnd - leftStart) / 64;
        if (_steps > InputLimits.MaxExpansionSteps)
        {
            _limitHit |= _fatal is null;
            _fatal ??= ExpansionLimitText(s[leftStart..Math.Min(leftEnd, leftStart + 40)]);
            return false;
        }

        var leftValue = new StringBuilder();
        var rightValue = new StringBuilder();
        _operandDepth++;
        try
        {
            context.Status |= Expand(s, leftStart, leftEnd, leftValue);
            context.Status |= Expand(s, rightStart, rightEnd, rightValue);
        }
        finally
        {
            _operandDepth--;
        }
        var result = false;
        if (!_scan)
        {
            bool? evaluated = levelOperator
                ? CompareLevels(leftValue.ToString(), op, rightValue.ToString())
                : Compare(leftValue.ToString(), op, rightValue.ToString());
            if (evaluated is null)
            {
                context.Status |= StatusError;
            }
            else
            {
                result = evaluated.Value;
            }
        }

        if ((context.Status & StatusError) != 0)
        {
            return false;
        }

        // A relational expression behaves like a parameter whose value is "true" or "".
        lookup = _scan ? null : (result ? "true" : string.Empty);
        return true;
    }

    private static bool Apply(string op, int delta) => op switch
    {
        "==" => delta == 0,
        "!=" => delta != 0,
        "<" => delta < 0,
        "<=" => delta <= 0,
        ">=" => delta >= 0,
        _ => delta > 0,
    };

    // mac_exp_eval(): numeric when both operands are all digits, else strcmp().
    private bool? Compare(string left, string op, string right)
    {
        int delta;
        if (CNumber.AllDigits(left) && CNumber.AllDigits(right))
        {
            var l = ToLongOrFatal(left);
            var r = ToLongOrFatal(right);
            if (l is null || r is null)
            {
                return null;
            }

            delta = l.Value.CompareTo(r.Value);
        }
        else
        {
            delta = CompareBytes(left, right);
        }

        return Apply(op, delta);
    }

    private long? ToLongOrFatal(string digits)
    {
        var value = CNumber.StrToL(digits, 0, out _, out var overflow);
        if (overflow)
        {
            // atol_or_die() in mac_expand.c.
            _fatal ??= $"mac_exp_eval: bad conversion: {digits}";
            return null;
        }

        return value;
    }

    private static int CompareBytes(string left, string right)
    {
        var l = Encoding.UTF8.GetBytes(left);
        var r = Encoding.UTF8.GetBytes(right);
        return l.AsSpan().SequenceCompareTo(r);
    }

    // compat_relop_eval() in src/global/compat_level.c.
    private bool? CompareLevels(string left, string op, string right)
    {
        if (!CompatibilityLevel.TryParse(left, out var l, out var message)
            || !CompatibilityLevel.TryParse(right, out var r, out message))
        {
            _messages.Add(new MacroMessage(DiagnosticSeverity.Warning, message));
            return null;
        }

        return Apply(op, l.CompareTo(r));
    }
}
