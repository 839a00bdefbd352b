using PostfixLint.Syntax;

namespace PostfixLint.Model;

/// <summary>A typed reading of one parameter's effective value, with the parameter it came from.</summary>
/// <typeparam name="T">The typed value: a list, a restriction list, a network list, a number, ...</typeparam>
/// <param name="Parameter">The effective parameter (explicit or default) the value was read from.</param>
/// <param name="ExpandedValue">The value after <c>$name</c> expansion, which is what Postfix programs parse.</param>
/// <param name="Value">The typed value; element spans are offsets into <paramref name="ExpandedValue"/>.</param>
/// <param name="SpansMapToSource">
/// True when expansion changed nothing, so element spans also locate text in the source file through
/// <see cref="PostfixConfig.ToSourceSpan(Parameter, TextSpan)"/>.
/// </param>
public sealed record TypedValue<T>(Parameter Parameter, string ExpandedValue, T Value, bool SpansMapToSource);
