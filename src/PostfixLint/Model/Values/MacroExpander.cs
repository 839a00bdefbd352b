using System.Text;
using PostfixLint.Diagnostics;

namespace PostfixLint.Model.Values;

/// <summary>Expands <c>$name</c> macros in parameter values exactly as Postfix 3.7's <c>mac_expand()</c> does for <c>postconf -x</c>.</summary>
/// <remarks>
/// The lookup returns the raw (unexpanded) value of a parameter, or null when it is undefined; with
/// <see cref="MacroExpanderOptions.Recursive"/> the looked-up text is expanded in turn, including the value of a
/// raw parameter reached through a reference (<c>src/postconf/postconf_lookup.c</c>,
/// <c>pcf_expand_parameter_value()</c>). Only a raw parameter printed by itself stays unexpanded (see
/// <see cref="ExpandParameter"/>).
/// </remarks>
internal sealed class MacroExpander
{
    /// <summary>The fatal text postconf prints when expansion fails (<c>pcf_expand_parameter_value()</c>).</summary>
    public const string PostconfFailureText = "macro processing error";

    private readonly Func<string, string?> _lookup;
    private readonly MacroExpanderOptions _options;

    // The lookup is a function of the configuration, which does not change: what passed the limit once always will.
    private readonly ExpansionLimitMemo _overLimit = new();
    private readonly ExpansionValueMemo _values = new();

    /// <summary>Creates an expander over a parameter lookup.</summary>
    /// <param name="lookup">Raw value of a parameter, or null when it has neither a setting nor a default.</param>
    /// <param name="options">Expansion settings; <see cref="MacroExpanderOptions.Postconf"/> when null.</param>
    public MacroExpander(Func<string, string?> lookup, MacroExpanderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        _lookup = lookup;
        _options = options ?? MacroExpanderOptions.Postconf;
    }

    /// <summary>Expands one value; on failure the messages end with postconf's fatal text.</summary>
    public MacroResult Expand(string value) => Expand(value, null);

    /// <summary>Expands one value and notes in <paramref name="recorder"/> where each run of the result came from.</summary>
    internal MacroResult Expand(string value, ExpansionRecorder? recorder)
    {
        ArgumentNullException.ThrowIfNull(value);
        var engine = new MacroEngine(_lookup, _options, scan: false, _overLimit, _values);
        var result = new StringBuilder();
        var status = engine.Expand(value, 0, value.Length, result, recorder);
        var failed = (status & MacroEngine.StatusError) != 0;
        var messages = engine.Messages;
        if (engine.Fatal != null)
        {
            messages.Add(new MacroMessage(DiagnosticSeverity.Fatal, engine.Fatal));
        }
        else if (failed)
        {
            messages.Add(new MacroMessage(DiagnosticSeverity.Fatal, PostconfFailureText));
        }

        // Text cut off at the limit is no value at all: a caller that reads a failed expansion's text (a daemon's view
        // of a setting) must not get megabytes of it.
        var text = engine.LimitHit ? string.Empty : result.ToString();
        return new MacroResult(text, MacroMessage.ToDiagnostics(messages), failed, (status & MacroEngine.StatusUndef) != 0, engine.LimitHit);
    }

    /// <summary>What <c>postconf -x name</c> prints for a parameter: its expanded value, or its raw value for a raw parameter; null when undefined.</summary>
    public MacroResult? ExpandParameter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var raw = _lookup(name);
        if (raw == null)
        {
            return null;
        }

        // src/postconf/postconf_main.c: pcf_print_parameter() skips expansion for PCF_RAW_PARAMETER().
        if (_options.RawParameters.Contains(name))
        {
            return new MacroResult(raw, [], Failed: false, UsedUndefined: false);
        }

        return Expand(raw);
    }
}
