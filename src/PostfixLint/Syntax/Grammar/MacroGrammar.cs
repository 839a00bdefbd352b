using System.Collections.Immutable;
using Sprache;
using static PostfixLint.Syntax.Grammar.GrammarParsers;

namespace PostfixLint.Syntax.Grammar;

/// <summary>The <c>$name</c> / <c>${name?...}</c> / relational / <c>$$</c> syntax of a parameter value, as <c>mac_expand()</c> scans it.</summary>
/// <remarks>
/// Mirrors <c>mac_parse()</c> (<c>src/util/mac_parse.c</c>) and <c>mac_expand_callback()</c> (<c>src/util/mac_expand.c</c>):
/// the extent of <c>${...}</c> / <c>$(...)</c> is found first by counting that bracket kind only, then its content is
/// parsed as an expression; <c>{...}</c> payloads are balanced the same way before their text is parsed as a value.
/// <see cref="BoundedInput"/> makes each extent the end of input for the nested grammar, and offsets stay relative to
/// the whole value.
/// </remarks>
internal static class MacroGrammar
{
    private const string Whitespace = " \t\r\n"; // CHARS_SPACE
    private const string OperatorChars = "<>!=?+-*/~&|%"; // the operator characters of mac_exp_parse_relational()

    private static readonly string[] s_operators = ["==", "!=", "<", "<=", ">=", ">"];

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static readonly Parser<string> Space = Run(c => Whitespace.Contains(c), 0, "white space");

    private static readonly Parser<int> CurlyBody = BalancedBody('{', '}');

    private static readonly Parser<int> ParenBody = BalancedBody('(', ')');

    // A nested text is a value again; the lambda defers the field read until Value is initialized.
    private static readonly Parser<ImmutableArray<MacroNode>> ValueRef = i => Value!(i);

    private static Parser<MacroText> TextIn(int start, int end, bool braced) =>
        Within(ValueRef, start, end).Select(nodes => new MacroText(nodes, braced, TextSpan.FromBounds(start, end)));

    // mac_exp_extract_curly_payload(): balance {}, then skip white space after the closing brace.
    private static readonly Parser<MacroText> BracedText =
        from leading in Space
        from open in Parse.Char('{')
        from start in Offset
        from body in CurlyBody
        from end in Offset
        from close in Parse.Char('}').Named("'}' (unbalanced {} in attribute expression)")
        from trailing in Space
        from text in TextIn(start, end, braced: true)
        select text;

    // Without a '{' the text is everything up to the end of the expression, white space included.
    private static readonly Parser<MacroText> RestText =
        from start in Offset
        from rest in Run(_ => true, 0, "text")
        from end in Offset
        from text in TextIn(start, end, braced: false)
        select text;

    // MAC_EXP_FIND_LEFT_CURLY: look past white space for '{' without consuming it.
    private static readonly Parser<MacroText> BranchText =
        from curly in Space.Then(_ => Parse.Char('{')).Preview()
        from text in curly.IsDefined ? BracedText : RestText
        select text;

    private static readonly Parser<MacroText> ElseText =
        from text in BranchText
        from end in AtEnd.Named("end of expression (unexpected input)")
        select text;

    private static readonly Parser<MacroText?> AfterIfText =
        AtEnd.Return((MacroText?)null)
            .XOr(Parse.Char(':').Then(_ => ElseText).Select(text => (MacroText?)text))
            .Named("':' or end of expression");

    private static readonly Parser<(MacroText? IfSet, MacroText? IfNotSet)> Branches =
        AtEnd.Return(((MacroText?)null, (MacroText?)null))
            .XOr(from q in Parse.Char('?') from t in BranchText from f in AfterIfText select ((MacroText?)t, f))
            .XOr(from c in Parse.Char(':') from f in ElseText select ((MacroText?)null, (MacroText?)f));

    private static readonly Parser<string> Operator =
        Run(c => OperatorChars.Contains(c), 0, "operator")
            .Where(op => Array.IndexOf(s_operators, op) >= 0)
            .Named("\"==\", \"!=\", \"<\", \"<=\", \">=\" or \">\"");

    // compat_level_relop_register(): "==level" and friends; any other letters after the operator are an error.
    private static readonly Parser<bool> LevelSuffix =
        from suffix in Run(char.IsAsciiLetterOrDigit, 1, "letter or digit").Optional()
        from level in !suffix.IsDefined ? Parse.Return(false)
            : suffix.Get() == "level" ? Parse.Return(true)
            : Fail<bool>($"bad operator suffix \"{suffix.Get()}\"")
        select level;

    private static readonly Parser<Func<MacroBracket, TextSpan, MacroNode>> Relational =
        from leftOpen in Parse.Char('{')
        from leftStart in Offset
        from leftBody in CurlyBody
        from leftEnd in Offset
        from leftClose in Parse.Char('}').Named("'}' (unbalanced {} in attribute expression)")
        from space1 in Space
        from opStart in Offset
        from op in Operator
        from level in LevelSuffix
        from opEnd in Offset
        from space2 in Space
        from rightOpen in Parse.Char('{').Named("\"{expression}\"")
        from rightStart in Offset
        from rightBody in CurlyBody
        from rightEnd in Offset
        from rightClose in Parse.Char('}').Named("'}' (unbalanced {} in attribute expression)")
        from space3 in Space
        from left in TextIn(leftStart, leftEnd, braced: true)
        from right in TextIn(rightStart, rightEnd, braced: true)
        from branches in Branches.Named("'?', ':' or end of expression")
        select (Func<MacroBracket, TextSpan, MacroNode>)((bracket, span) => new MacroRelationalNode(
            left, op, TextSpan.FromBounds(opStart, opEnd), level, right, branches.IfSet, branches.IfNotSet, bracket, span));

    // The name may be empty (${?x}, ${ }); white space may follow it only before '?', ':' or the end.
    private static readonly Parser<Func<MacroBracket, TextSpan, MacroNode>> NamedExpression =
        from start in Offset
        from name in Run(IsNameChar, 0, "parameter name")
        from end in Offset
        from branches in FailHere(Space.Then(_ => Branches))
            .Named("parameter name, '?', ':' or end of expression (attribute name syntax error)")
        select (Func<MacroBracket, TextSpan, MacroNode>)((bracket, span) =>
            branches is (null, null)
                ? new MacroNameNode(name, TextSpan.FromBounds(start, end), bracket, span)
                : new MacroConditionalNode(name, TextSpan.FromBounds(start, end), bracket, branches.IfSet, branches.IfNotSet, span));

    private static readonly Parser<Func<MacroBracket, TextSpan, MacroNode>> Expression =
        from leading in Space
        from node in Relational.XOr(NamedExpression)
        select node;

    private static readonly Parser<Func<TextSpan, MacroNode>> DollarTail =
        Parse.Char('$').Return((Func<TextSpan, MacroNode>)(span => new MacroDollarNode(span)));

    private static readonly Parser<Func<TextSpan, MacroNode>> NameTail =
        Run(IsNameChar, 1, "parameter name").Span()
            .Select(name => (Func<TextSpan, MacroNode>)(span =>
                new MacroNameNode(name.Value, new TextSpan(name.Start.Pos, name.Length), MacroBracket.None, span)));

    private static Parser<Func<TextSpan, MacroNode>> BracketTail(char open, char close, Parser<int> body, MacroBracket bracket) =>
        from opening in Parse.Char(open)
        from start in Offset
        from content in body
        from end in Offset
        from closing in Parse.Char(close).Named($"'{close}' (truncated macro reference)")
        from expression in end == start
            ? Fail<Func<MacroBracket, TextSpan, MacroNode>>("empty macro name")
            : Within(Expression, start, end)
        select (Func<TextSpan, MacroNode>)(span => expression(bracket, span));

    private static readonly Parser<Func<TextSpan, MacroNode>> BraceTail = BracketTail('{', '}', CurlyBody, MacroBracket.Brace);

    private static readonly Parser<Func<TextSpan, MacroNode>> ParenTail = BracketTail('(', ')', ParenBody, MacroBracket.Parenthesis);

    // mac_parse(): "$$" first, then "${" / "$(" / a name; anything else is an empty name.
    private static readonly Parser<MacroNode> Macro =
        Parse.Char('$')
            .Then(_ => DollarTail.XOr(BraceTail).XOr(ParenTail).XOr(NameTail).XOr(Fail<Func<TextSpan, MacroNode>>("empty macro name")))
            .Span()
            .Select(tail => tail.Value(new TextSpan(tail.Start.Pos, tail.Length)));

    private static readonly Parser<MacroNode> Literal =
        Run(c => c != '$', 1, "text").Span()
            .Select(text => (MacroNode)new MacroLiteralNode(text.Value, new TextSpan(text.Start.Pos, text.Length)));

    private static readonly Parser<MacroNode> Element = Literal.XOr(Macro);

    /// <summary>A whole value (or nested text): literal runs, <c>$$</c> and macro expressions up to the end of input.</summary>
    public static readonly Parser<ImmutableArray<MacroNode>> Value =
        from nodes in Element.XMany()
        from end in AtEnd
        select nodes.ToImmutableArray();
}
