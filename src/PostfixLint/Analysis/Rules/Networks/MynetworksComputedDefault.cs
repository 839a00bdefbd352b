using PostfixLint.Diagnostics;
using PostfixLint.Model;

namespace PostfixLint.Analysis.Rules.Networks;

/// <summary>PFL109: mynetworks is not set, so Postfix computes it from <c>mynetworks_style</c> and this host's interfaces.</summary>
internal sealed class MynetworksComputedDefault : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL109", "mynetworks-computed-default", "mynetworks is left to the value Postfix computes from the host",
        DiagnosticSeverity.Info, RuleCategory.Networks, FixAvailability.Always);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var config = context.Config;
        if (config.GetParameter("mynetworks") is not { IsDefault: true } || config.Expand("mynetworks")?.Trim() is not { } computed)
        {
            return;
        }

        // src/global/mynetworks.c: the interfaces of inet_interfaces, in inet_protocols, masked as mynetworks_style says.
        var style = config.GetParameter("mynetworks_style");
        var styleValue = config.Expand("mynetworks_style") ?? "";
        var styleText = style is { IsDefault: false }
            ? $"mynetworks_style = {styleValue} ({context.Where("mynetworks_style")})"
            : $"mynetworks_style = {styleValue} (the default at compatibility_level {CompatibilityLevel(config)})";
        var value = computed.Length == 0 ? "an empty list" : $"`{computed}`";
        context.Report(Meta,
            $"mynetworks is not set: Postfix computes it from {styleText} and this host's interfaces, which gives {value}; it changes when the host's addresses do",
            style is { IsDefault: false } ? context.LocateParameter("mynetworks_style") : null,
            PinFix(context, computed),
            help: "set mynetworks to the networks your clients are on");
    }

    private static string CompatibilityLevel(PostfixConfig config) =>
        config.GetParameter("compatibility_level") is { IsDefault: false } ? config.Expand("compatibility_level") ?? "0" : "0 (not set)";

    /// <summary>Appends <c>mynetworks = …</c> to main.cf: shown, never applied, because the value is this host's.</summary>
    private static Fix? PinFix(RuleContext context, string computed)
    {
        if (context.Config.MainCf?.Document is not { } document)
        {
            return null;
        }

        var text = document.Text;
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var prefix = text.Length == 0 || text.EndsWith('\n') ? "" : newline;
        // DisplayOnly: the value is what this host computes; on another host (a CI runner checking a copy) it is wrong.
        return Fix.Create($"Set `mynetworks = {computed}` explicitly", FixSafety.DisplayOnly, document.Path,
            TextEdit.Insert(text.Length, $"{prefix}mynetworks = {computed}{newline}"));
    }
}
