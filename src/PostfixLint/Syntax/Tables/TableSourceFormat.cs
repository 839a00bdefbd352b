namespace PostfixLint.Syntax.Tables;

/// <summary>The source format of a lookup table file.</summary>
public enum TableSourceFormat
{
    /// <summary>postmap(1) source: <c>key whitespace value</c> (hash, btree, lmdb, cdb, dbm, texthash).</summary>
    Postmap,

    /// <summary>aliases(5) source read by postalias(1): <c>name: value</c>.</summary>
    Aliases,

    /// <summary>cidr_table(5): <c>network/mask result</c>, <c>if</c>/<c>endif</c>.</summary>
    Cidr,

    /// <summary>regexp_table(5): POSIX regular expressions, <c>/pattern/flags result</c>.</summary>
    Regexp,

    /// <summary>pcre_table(5): PCRE regular expressions, <c>/pattern/flags result</c>.</summary>
    Pcre,
}
