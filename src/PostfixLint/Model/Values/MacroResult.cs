using System.Collections.Immutable;
using PostfixLint.Diagnostics;

namespace PostfixLint.Model.Values;

/// <summary>The outcome of expanding one value.</summary>
/// <param name="Value">The expanded text (partial when <paramref name="Failed"/> is true, as Postfix's own buffer would be).</param>
/// <param name="Messages">Warnings in the order Postfix logs them, then the fatal message when expansion failed.</param>
/// <param name="Failed">True when Postfix would stop with <c>macro processing error</c> (MAC_PARSE_ERROR).</param>
/// <param name="UsedUndefined">True when a plain <c>$name</c> referred to an undefined parameter (MAC_PARSE_UNDEF).</param>
/// <param name="LimitHit">True when the expansion stopped at postfix-lint's own size limit, not at a Postfix error.</param>
internal sealed record MacroResult(string Value, ImmutableArray<Diagnostic> Messages, bool Failed, bool UsedUndefined, bool LimitHit = false);
