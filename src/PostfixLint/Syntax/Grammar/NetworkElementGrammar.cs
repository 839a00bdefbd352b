using Sprache;
using static PostfixLint.Syntax.Grammar.GrammarParsers;

namespace PostfixLint.Syntax.Grammar;

/// <summary>One element of a host/network match list (<c>mynetworks</c>, <c>*_networks</c>), as <c>match_list_parse()</c> and <c>match_hostaddr()</c> tell them apart.</summary>
/// <remarks>
/// Order matters and follows <c>src/util/match_list.c</c> and <c>src/util/match_ops.c</c>: leading <c>!</c>s toggle;
/// <c>/file/name</c>; <c>type:table</c> (<c>MATCH_DICTIONARY()</c>: a colon and no leading <c>[</c>); address patterns
/// with <c>:</c> or <c>/</c> made only of address characters go to <c>cidr_match_parse()</c>; a bare or bracketed
/// dotted address is compared as a string; anything else is a host name.
/// </remarks>
internal static class NetworkElementGrammar
{
    private const string V4Chars = "0123456789.";
    private const string AddressChars = V4Chars + "abcdefABCDEF:[]/";

    private static readonly Parser<int> s_negations = Run(c => c == '!', 0, "'!'").Select(bangs => bangs.Length);

    private static readonly Parser<NetworkElementShape> s_file =
        from slash in Parse.Char('/')
        from rest in Run(_ => true, 0, "file name")
        select NetworkElementShape.File;

    private static readonly Parser<NetworkElementShape> s_table =
        Run(_ => true, 1, "table").Where(t => t[0] != '[' && t.Contains(':', StringComparison.Ordinal)).Return(NetworkElementShape.Table);

    private static readonly Parser<NetworkElementShape> s_addressPattern =
        from pattern in Run(c => AddressChars.Contains(c), 1, "address pattern").Where(p => p.AsSpan().IndexOfAny(':', '/') >= 0)
        from end in AtEnd
        select NetworkElementShape.AddressPattern;

    private static readonly Parser<NetworkElementShape> s_bareAddress =
        (from open in Parse.Char('[')
         from address in Run(c => V4Chars.Contains(c), 1, "IPv4 address")
         from close in Parse.Char(']')
         from end in AtEnd
         select NetworkElementShape.Address)
        .Or(from address in Run(c => V4Chars.Contains(c), 1, "IPv4 address")
            from end in AtEnd
            select NetworkElementShape.Address);

    private static readonly Parser<NetworkElementShape> s_hostname = Run(_ => true, 1, "host name").Return(NetworkElementShape.Hostname);

    /// <summary>One element: <c>!</c>s, then the pattern up to the end of input (fails when nothing follows the <c>!</c>s).</summary>
    public static readonly Parser<NetworkElementSyntax> Element =
        from negations in s_negations
        from start in Offset
        from shape in s_file.Or(s_table).Or(s_addressPattern).Or(s_bareAddress).Or(s_hostname).Named("pattern after '!'")
        from end in Offset
        from source in Source
        select new NetworkElementSyntax(
            negations,
            shape,
            TextSpan.FromBounds(start, end),
            shape == NetworkElementShape.Table ? MapReferenceGrammar.TryParse(source[start..end]) : null);

    /// <summary>Parses one list element; null when it is only <c>!</c>s.</summary>
    public static NetworkElementSyntax? TryParse(string element)
    {
        var result = GrammarParsers.Run(Element, element);
        return result.WasSuccessful ? result.Value : null;
    }
}
