using System.Collections.Immutable;
using PostfixLint.Diagnostics;
using PostfixLint.Syntax;

namespace PostfixLint.Model.Values;

/// <summary>What postconf's scan of one value (<c>MAC_EXP_FLAG_SCAN</c>) finds: referenced names and syntax warnings.</summary>
/// <param name="References">Referenced names in the order postconf visits them.</param>
/// <param name="Messages">Syntax warnings postconf logs while scanning (never fatal: the scan ignores its status).</param>
/// <param name="HasSyntaxError">True when the scan hit a syntax error; names after it are not visited.</param>
internal sealed record MacroScanResult(ImmutableArray<MacroReference> References, ImmutableArray<Diagnostic> Messages, bool HasSyntaxError);
