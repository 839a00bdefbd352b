using System.Collections.Immutable;

namespace PostfixLint.Model.Values;

/// <summary>Settings for <see cref="MacroExpander"/>.</summary>
internal sealed record MacroExpanderOptions
{
    /// <summary>Postfix 3.7's raw parameters: their values are not expanded when printed with <c>postconf -x</c>.</summary>
    /// <remarks>From the <c>CONFIG_RAW_TABLE</c>s in <c>src/smtpd/smtpd.c</c>, <c>src/local/local.c</c> and <c>src/postscreen/postscreen.c</c>.</remarks>
    public static ImmutableHashSet<string> Postfix37RawParameters { get; } = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "command_execution_directory",
        "default_rbl_reply",
        "forward_path",
        "luser_relay",
        "mailbox_command",
        "postscreen_expansion_filter",
        "postscreen_reject_footer",
        "smtpd_expansion_filter",
        "smtpd_reject_footer");

    /// <summary>The options postconf 3.7 uses for <c>-x</c>: recursive, compatibility-level operators, 3.7 raw parameters.</summary>
    public static MacroExpanderOptions Postconf { get; } = new();

    /// <summary>Names whose own value <see cref="MacroExpander.ExpandParameter"/> leaves unexpanded.</summary>
    public ImmutableHashSet<string> RawParameters { get; init; } = Postfix37RawParameters;

    /// <summary>Expand <c>$name</c> inside looked-up values too (MAC_EXP_FLAG_RECURSE, as main.cf readers and postconf do).</summary>
    public bool Recursive { get; init; } = true;

    /// <summary>Register the <c>==level</c> … <c>&gt;=level</c> operators (<c>compat_level_relop_register()</c>).</summary>
    public bool CompatibilityLevelOperators { get; init; } = true;

    /// <summary>Nesting depth above which Postfix gives up with <c>unreasonable macro call nesting</c> (fixed at 100 in mac_expand.c).</summary>
    public int MaxNesting { get; init; } = 100;
}
