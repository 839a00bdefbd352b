namespace PostfixLint.Syntax;

/// <summary>A <c>-o name=value</c> parameter override of a master.cf service, as <c>postconf -P</c> sees it.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Value">The value (for <c>-o { name = value }</c>, trimmed as <c>split_nameval()</c> does).</param>
/// <param name="NameSpan">Where the name is.</param>
/// <param name="ValueSpan">Where the value is (empty, after <c>=</c>, when the value is empty); may cross lines.</param>
/// <param name="Span">From the <c>-o</c> to the end of the value's word.</param>
public sealed record ServiceOverrideSyntax(string Name, string Value, TextSpan NameSpan, TextSpan ValueSpan, TextSpan Span);
