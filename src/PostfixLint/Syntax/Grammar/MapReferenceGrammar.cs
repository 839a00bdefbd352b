using Sprache;
using static PostfixLint.Syntax.Grammar.GrammarParsers;

namespace PostfixLint.Syntax.Grammar;

/// <summary>Lookup table references: <c>type:name</c>, <c>type:{ ... }</c> and <c>proxy:type:name</c>.</summary>
/// <remarks>
/// <c>dict_open()</c> (<c>src/util/dict_open.c</c>) splits at the first colon: the type may not be empty, and the name is the
/// whole rest, colons included. <c>proxy:</c> (<c>src/global/dict_proxy.c</c>) hands its name to the proxymap server,
/// which opens it as a table in turn.
/// </remarks>
internal static class MapReferenceGrammar
{
    private static readonly Parser<string> s_type = Run(c => c != ':', 1, "table type").Named("table type");

    private static readonly Parser<int> s_curlyBody = BalancedBody('{', '}');

    // A name that is exactly one balanced {...} group (inline:, static:, pipemap:, unionmap:, ...).
    private static readonly Parser<bool> s_bracedName =
        from open in Parse.Char('{')
        from body in s_curlyBody
        from close in Parse.Char('}')
        from end in AtEnd
        select true;

    private static readonly Parser<bool> s_plainName = Run(_ => true, 1, "table name").Return(false);

    private static readonly Parser<MapReferenceSyntax> s_referenceRef = i => Reference!(i);

    // Optional, not Or: Within consumes nothing of the outer input, and Sprache's Or then prefers its second branch.
    private static Parser<MapReferenceSyntax?> InnerOf(string type, int start, int end) =>
        type.Equals("proxy", StringComparison.Ordinal)
            ? Within(s_referenceRef, start, end).Optional().Select(inner => inner.GetOrDefault())
            : Parse.Return((MapReferenceSyntax?)null);

    /// <summary>One whole reference up to the end of input.</summary>
    public static readonly Parser<MapReferenceSyntax> Reference =
        from type in s_type.Span()
        from colon in Parse.Char(':')
        from nameStart in Offset
        from braced in s_bracedName.Or(s_plainName).Named("table name")
        from nameEnd in Offset
        from inner in InnerOf(type.Value, nameStart, nameEnd)
        from source in Source
        select new MapReferenceSyntax(
            type.Value,
            new TextSpan(type.Start.Pos, type.Length),
            source[nameStart..nameEnd],
            TextSpan.FromBounds(nameStart, nameEnd),
            braced,
            inner);

    /// <summary>Parses <paramref name="text"/> as one reference; null when it is not <c>type:name</c>.</summary>
    /// <remarks>
    /// A chain of more than <see cref="Model.InputLimits.MaxMapNesting"/> <c>proxy:</c> prefixes is not parsed
    /// further (its inner reference is null): parsing it whole would cost time and stack in proportion to its square.
    /// </remarks>
    public static MapReferenceSyntax? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var proxies = 0;
        while (proxies <= Model.InputLimits.MaxMapNesting && text.AsSpan(proxies * 6).StartsWith("proxy:", StringComparison.Ordinal))
        {
            proxies++;
        }

        if (proxies > Model.InputLimits.MaxMapNesting)
        {
            return new MapReferenceSyntax("proxy", new TextSpan(0, 5), text[6..], TextSpan.FromBounds(6, text.Length), IsBraced: false, Inner: null);
        }

        var result = GrammarParsers.Run(Reference, text);
        return result.WasSuccessful ? result.Value : null;
    }
}
