namespace PostfixLint.Diagnostics;

/// <summary>Every diagnostic id PostfixLint reports; <see cref="DiagnosticRegistry"/> describes each.</summary>
/// <remarks>
/// Ids are <c>PFL</c> and three digits, grouped by area: 00x main.cf syntax, 01x master.cf syntax, 02x lookup-table
/// syntax, 03x macros, 04x postconf's parameter warnings, 05x computed defaults, 06x host/network lists.
/// An id is never reused, not even after it is retired. Messages are worded as Postfix words them.
/// </remarks>
public static class DiagnosticIds
{
    /// <summary>Fatal: <c>missing '=' after attribute name: "&lt;logical line&gt;"</c> (<c>src/util/split_nameval.c</c>; Postfix prefixes <c>&lt;file&gt;, line &lt;n&gt;: </c>).</summary>
    public const string MissingEquals = "PFL001";

    /// <summary>Fatal: <c>missing attribute name: "&lt;logical line&gt;"</c> (<c>src/util/split_nameval.c</c>; Postfix prefixes <c>&lt;file&gt;, line &lt;n&gt;: </c>).</summary>
    public const string MissingName = "PFL002";

    /// <summary>Warning: <c>logical line must not start with whitespace: "&lt;first 30 bytes&gt;..."</c> (<c>src/util/readlline.c</c>; Postfix prefixes <c>&lt;file&gt;: </c>); the line is ignored.</summary>
    public const string LeadingWhitespace = "PFL003";

    /// <summary>Warning (PostfixLint's own wording; Postfix 3.7 is silent): text after a NUL byte is ignored, because Postfix handles the logical line as a C string.</summary>
    public const string TextAfterNul = "PFL004";

    /// <summary>Fatal: master.cf <c>bad field count</c> (<c>src/postconf/postconf_master.c</c>; postconf prefixes <c>file &lt;path&gt;: line &lt;n&gt;: </c>).</summary>
    public const string MasterBadFieldCount = "PFL010";

    /// <summary>Fatal: master.cf <c>invalid &lt;field&gt; field "&lt;value&gt;" in "&lt;logical line&gt;"</c> (<c>src/postconf/postconf_master.c</c>, no prefix).</summary>
    public const string MasterInvalidField = "PFL011";

    /// <summary>Warning: master.cf <c>{...}</c> argument errors from <c>extpar()</c>: <c>missing '}' in "..."</c> or <c>syntax error after '}' in "..."</c> (postconf prefixes <c>master.cf: </c>).</summary>
    public const string MasterBadBraces = "PFL012";

    /// <summary>Warning: master.cf <c>-o { ... }</c> without a valid <c>name = value</c>: <c>missing '=' after attribute name: "..."</c> or <c>missing attribute name: "..."</c> (postconf prefixes <c>master.cf: </c>).</summary>
    public const string MasterBadOverride = "PFL013";

    /// <summary>Warning: a lookup-table line Postfix skips (bad format, bad pattern, unbalanced quote, ...).</summary>
    public const string TableSkippedLine = "PFL020";

    /// <summary>Warning: a lookup-table line Postfix still uses but warns about (alias-file format, extra text after IF, empty result, ...).</summary>
    public const string TableSuspiciousLine = "PFL021";

    /// <summary>Warning: a duplicate lookup-table key: indexed tables keep the first value, texthash refuses the whole table.</summary>
    public const string TableDuplicateKey = "PFL022";

    /// <summary>Warning: an <c>if</c> without a matching <c>endif</c> in a cidr, regexp or pcre table.</summary>
    public const string TableMissingEndIf = "PFL023";

    /// <summary>Reserved: a lookup-table logical line that starts with whitespace (table syntax reports <see cref="LeadingWhitespace"/> today).</summary>
    public const string TableLeadingWhitespace = "PFL024";

    /// <summary>Warning: a macro syntax error or an invalid operand while scanning or expanding a value (<c>src/util/mac_expand.c</c>, <c>mac_parse.c</c>), e.g. <c>truncated macro reference: "..."</c>.</summary>
    public const string MacroSyntax = "PFL030";

    /// <summary>Fatal: expanding a value failed, e.g. postconf's <c>macro processing error</c> (<c>src/postconf/postconf_lookup.c</c>).</summary>
    public const string MacroExpansionFailed = "PFL031";

    /// <summary>Fatal or warning: a configuration file cannot be opened: <c>open &lt;path&gt;: &lt;error&gt;</c>.</summary>
    public const string FileNotReadable = "PFL040";

    /// <summary>Warning: <c>&lt;file&gt;, line &lt;n&gt;: overriding earlier entry: name=value</c> (<c>src/util/dict.c</c> <c>dict_load_fp()</c>).</summary>
    public const string OverridingEarlierEntry = "PFL041";

    /// <summary>Warning: <c>&lt;file&gt;: undefined parameter: name</c> (<c>src/postconf/postconf_user.c</c>).</summary>
    public const string UndefinedParameter = "PFL042";

    /// <summary>Warning: <c>&lt;file&gt;: unused parameter: name=value</c> (<c>src/postconf/postconf_unused.c</c>, <c>postconf_dbms.c</c>).</summary>
    public const string UnusedParameter = "PFL043";

    /// <summary>Warning: <c>&lt;file&gt;: read-only parameter assignment: name=value</c> (<c>src/postconf/postconf_user.c</c>).</summary>
    public const string ReadOnlyParameter = "PFL044";

    /// <summary>Warning: <c>name: unknown parameter</c> for a name given to postconf that it does not know.</summary>
    public const string UnknownParameter = "PFL045";

    /// <summary>Warning: <c>unmatched request: "service/type"</c> from <c>postconf -M</c> or <c>-P</c> (<c>src/postconf/postconf_master.c</c>).</summary>
    public const string UnmatchedServiceRequest = "PFL046";

    /// <summary>Fatal: a malformed <c>postconf -M</c> or <c>-P</c> pattern, e.g. <c>-M option requires service_name[/type]</c>.</summary>
    public const string InvalidServicePattern = "PFL047";

    /// <summary>Warning: a database client configuration file cannot be read: <c>open "type" configuration "path": ...</c> (<c>src/postconf/postconf_dbms.c</c>).</summary>
    public const string DatabaseClientFileNotReadable = "PFL048";

    /// <summary>Warning: a <c>{...}</c> group in a table list is malformed: <c>missing '}' in "..."</c> or <c>syntax error after '}' in "..."</c> (<c>src/util/extpar.c</c>).</summary>
    public const string TableListBadBraces = "PFL049";

    /// <summary>Fatal: a computed default (such as <c>mynetworks</c> from <c>mynetworks_style</c>) cannot be computed (<c>src/global/mynetworks.c</c>).</summary>
    public const string ComputedDefaultFailed = "PFL050";

    /// <summary>Warning: <c>name: comment at end of line is not supported: ...</c> in a host/network list (<c>src/util/match_list.c</c>).</summary>
    public const string NetworkListComment = "PFL060";

    /// <summary>Fatal: <c>name: no pattern after '!'</c> in a host/network list (<c>src/util/match_list.c</c>).</summary>
    public const string NetworkListNoPattern = "PFL061";

    /// <summary>Warning: an invalid <c>net/mask</c> pattern in a host/network list (<c>src/util/cidr_match.c</c>).</summary>
    public const string NetworkListBadCidr = "PFL062";
}
