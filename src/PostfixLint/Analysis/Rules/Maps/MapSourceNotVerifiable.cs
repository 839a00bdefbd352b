using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Maps;

/// <summary>PFL402: a table file outside the checked directory that is not here to check (no <c>--root</c>).</summary>
internal sealed class MapSourceNotVerifiable : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL402", "map-source-not-verifiable", "A referenced lookup table lies outside the checked directory and cannot be checked",
        DiagnosticSeverity.Info, RuleCategory.Maps);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var reference in ReferencedTables.Of(context))
        {
            if (!reference.HasFile || ReferencedTables.FileOf(context, reference) is not { Exists: false, Verifiable: false } file)
            {
                continue;
            }

            var why = file.Name.StartsWith('/')
                ? "lies outside the checked directory (and no --root was given)"
                : "is a relative name, which Postfix daemons resolve in their queue (or chroot) directory";
            context.Report(Meta,
                $"{reference.Parameter} names `{reference.Spec}`; {file.Name} {why}, so it was not checked",
                reference.Origin,
                help: file.Name.StartsWith('/') ? "give the server's file tree with --root to check it" : "write the table's absolute path");
        }
    }
}
