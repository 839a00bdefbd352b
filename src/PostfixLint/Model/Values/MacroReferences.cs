using PostfixLint.Syntax;
using System.Collections.Immutable;

namespace PostfixLint.Model.Values;

/// <summary>Finds the parameter names a value refers to, the way postconf scans values for "undefined" and "used" names.</summary>
/// <remarks>
/// postconf calls <c>mac_expand()</c> with <c>MAC_EXP_FLAG_SCAN</c> (<c>src/postconf/postconf_user.c</c>,
/// <c>SCAN_USER_PARAMETER_VALUE</c>): every <c>$name</c> is reported, both branches of <c>?</c>/<c>:</c> are parsed
/// whether or not they would be taken, relational operands are scanned, nothing is looked up or evaluated.
/// A syntax error is reported and stops the scan of that value: later names are not visited.
/// </remarks>
internal static class MacroReferences
{
    /// <summary>Every referenced name with its span relative to <paramref name="value"/>, in scan order.</summary>
    public static ImmutableArray<MacroReference> Find(string value) => Scan(value).References;

    /// <summary>Scans a value as postconf does and returns the names and the warnings postconf would log.</summary>
    public static MacroScanResult Scan(string value, MacroExpanderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        var engine = new MacroEngine(_ => null, options ?? MacroExpanderOptions.Postconf, scan: true);
        var status = engine.Expand(value, 0, value.Length, new System.Text.StringBuilder());
        return new MacroScanResult(
            engine.References.ToImmutable(),
            MacroMessage.ToDiagnostics(engine.Messages),
            (status & MacroEngine.StatusError) != 0);
    }
}
