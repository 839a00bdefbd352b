namespace PostfixLint.Syntax;

/// <summary>The stable codes of the syntax diagnostics the parsers report.</summary>
public static class SyntaxDiagnosticCodes
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
}
