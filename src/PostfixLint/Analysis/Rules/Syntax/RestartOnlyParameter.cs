using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Syntax;

/// <summary>PFL072: a setting that <c>postfix reload</c> does not apply (the master daemon reads it only when it starts).</summary>
internal sealed class RestartOnlyParameter : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL072", "restart-only-parameter", "A setting that needs postfix stop/start, not reload, differs from its default",
        DiagnosticSeverity.Info, RuleCategory.Syntax);

    /// <summary>postconf(5): "you need to stop and start Postfix when this parameter changes" (inet_interfaces), "you MUST stop and start Postfix after changing this parameter" (inet_protocols).</summary>
    private static readonly string[] s_names = ["inet_interfaces", "inet_protocols"];

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var name in s_names)
        {
            // A static check cannot know what the running master has: report a value that is not the default, the
            // case where a reload after editing leaves the old sockets open.
            if (!context.Config.ExplicitParameters.TryGetValue(name, out var parameter) || parameter.Provenance.File is null
                || !context.Config.Catalog.TryGetDefault(name, out var defaultValue)
                || string.Equals(parameter.Value.Trim(), defaultValue, StringComparison.Ordinal))
            {
                continue;
            }

            context.Report(Meta,
                $"{name} = {parameter.Value.Trim()} is read only when Postfix starts: after changing it, `postfix reload` keeps the old listening sockets",
                context.LocateName(parameter.Provenance, name),
                help: "run `postfix stop` and `postfix start` (or restart the service) after changing it");
        }
    }
}
