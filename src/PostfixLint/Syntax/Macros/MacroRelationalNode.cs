
namespace PostfixLint.Syntax;

/// <summary>A relational expression <c>${{left} op {right}}</c>, optionally with <c>?{true}</c> and <c>:{false}</c> texts.</summary>
/// <param name="Left">The left operand (expanded before comparing).</param>
/// <param name="Operator">One of <c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;=</c>, <c>&gt;</c>.</param>
/// <param name="OperatorSpan">The span of the operator including a <c>level</c> suffix.</param>
/// <param name="IsLevelComparison">True for <c>==level</c> and friends, which compare compatibility levels.</param>
/// <param name="Right">The right operand.</param>
/// <param name="IfTrue">The text after <c>?</c>; null when absent (the expression then yields <c>true</c> or nothing).</param>
/// <param name="IfFalse">The text after <c>:</c>; null when absent.</param>
/// <param name="Bracket">How the expression is written.</param>
/// <param name="Span">From the <c>$</c> through the closing bracket.</param>
public sealed record MacroRelationalNode(
    MacroText Left,
    string Operator,
    TextSpan OperatorSpan,
    bool IsLevelComparison,
    MacroText Right,
    MacroText? IfTrue,
    MacroText? IfFalse,
    MacroBracket Bracket,
    TextSpan Span) : MacroNode(Span);
