using PostfixLint.Diagnostics;
using PostfixLint.Model.Values;

namespace PostfixLint.Analysis.Rules.Syntax;

/// <summary>PFL073: <c>compatibility_level</c> missing or below a level whose safer defaults the file leaves to Postfix.</summary>
internal sealed class LegacyCompatibilityLevel : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL073", "legacy-compatibility-level", "compatibility_level keeps backwards-compatible defaults the file relies on",
        DiagnosticSeverity.Warning, RuleCategory.Syntax);

    /// <summary>
    /// The defaults that depend on the level in Postfix 3.7 (<c>postconf -d</c>: <c>${{$compatibility_level} &lt;level {N} ? {old} : {new}}</c>):
    /// the level that switches to the new default, and the old and new values.
    /// </summary>
    private static readonly (string Name, CompatibilityLevel Level, string Old, string New)[] s_defaults =
    [
        ("append_dot_mydomain", CompatibilityLevel.FromNumbers(1, 0, 0), "yes", "no"),
        ("smtpd_relay_restrictions", CompatibilityLevel.FromNumbers(1, 0, 0), "(empty)", "permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination"),
        ("smtputf8_enable", CompatibilityLevel.FromNumbers(1, 0, 0), "no", "yes"),
        ("mynetworks_style", CompatibilityLevel.FromNumbers(2, 0, 0), "subnet", "host"),
        ("relay_domains", CompatibilityLevel.FromNumbers(2, 0, 0), "$mydestination", "(empty)"),
        ("smtpd_relay_before_recipient_restrictions", CompatibilityLevel.FromNumbers(3, 6, 0), "no", "yes"),
        ("smtpd_tls_fingerprint_digest", CompatibilityLevel.FromNumbers(3, 6, 0), "md5", "sha256"),
        ("smtp_tls_fingerprint_digest", CompatibilityLevel.FromNumbers(3, 6, 0), "md5", "sha256"),
        ("lmtp_tls_fingerprint_digest", CompatibilityLevel.FromNumbers(3, 6, 0), "md5", "sha256"),
    ];

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var explicitLevel = context.Config.ExplicitParameters.TryGetValue("compatibility_level", out var parameter) ? parameter : null;
        var text = context.Config.Expand("compatibility_level") ?? "0";
        if (!CompatibilityLevel.TryParse(text.Trim(), out var level))
        {
            return;
        }

        // The defaults this file leaves to Postfix (the ones it "relies on") and that the level keeps at their old value.
        var relied = s_defaults
            .Where(d => level.CompareTo(d.Level) < 0 && !context.Config.ExplicitParameters.ContainsKey(d.Name))
            .ToList();
        var chrootDefault = level.CompareTo(CompatibilityLevel.FromNumbers(1, 0, 0)) < 0
                            && context.Config.Services.Any(s => s.Syntax?.Chroot.Text == "-");
        if (relied.Count == 0 && !chrootDefault)
        {
            return;
        }

        var notes = relied.Select(d => $"{d.Name} = {d.Old} (at level {d.Level}: {d.New})").ToList();
        if (chrootDefault)
        {
            notes.Add("master.cf chroot `-` = y (at level 1: n)");
        }

        var target = relied.Select(d => d.Level).DefaultIfEmpty(CompatibilityLevel.FromNumbers(1, 0, 0)).Max();
        var what = explicitLevel is null ? "compatibility_level is not set (the default is 0)" : $"compatibility_level = {text.Trim()}";
        context.Report(Meta,
            $"{what}, so Postfix keeps backwards-compatible defaults for {string.Join(", ", relied.Select(d => d.Name).Concat(chrootDefault ? ["master.cf chroot"] : []))}",
            explicitLevel is null ? null : context.LocateName(explicitLevel.Provenance, "compatibility_level"),
            help: $"set the listed parameters explicitly if you need the old values, then set compatibility_level = {target}",
            notes: notes);
    }
}
