using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Maps;

/// <summary>PFL401: a table named in main.cf or master.cf whose source file (and database) does not exist.</summary>
internal sealed class MapSourceMissing : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL401", "map-source-missing", "A referenced lookup table's file does not exist",
        DiagnosticSeverity.Error, RuleCategory.Maps);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var reference in ReferencedTables.Of(context))
        {
            if (!reference.HasFile || ReferencedTables.FileOf(context, reference) is not { Exists: false, Verifiable: true } file)
            {
                continue;
            }

            // A database without its source still answers lookups (dict_db.c opens only the .db); nothing to maintain it from is another matter.
            if (reference.DatabaseSuffix is { } suffix && File.Exists(file.ActualPath + suffix))
            {
                continue;
            }

            var database = reference.DatabaseSuffix is { } s ? $" (nor its database {reference.Name}{s})" : "";
            context.Report(Meta,
                $"{reference.Parameter} names `{reference.Spec}` but {reference.Name} does not exist{database}: every lookup in it fails, "
                + "and smtpd answers 451 4.3.x (server configuration error or temporary lookup failure) where it is consulted",
                reference.Origin,
                help: reference.DatabaseSuffix is null
                    ? $"create {reference.Name}, or remove the reference"
                    : $"create {reference.Name} and run `{reference.BuildCommand} {reference.Spec}`, or remove the reference");
        }
    }
}
