using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Maps;

/// <summary>PFL403: an indexed table (hash, btree, lmdb, cdb, dbm) whose source exists but whose database was never built.</summary>
internal sealed class MapDatabaseMissing : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL403", "map-database-missing", "An indexed lookup table has a source file but no database",
        DiagnosticSeverity.Error, RuleCategory.Maps);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var reference in ReferencedTables.Of(context))
        {
            if (!reference.HasFile || reference.DatabaseSuffix is not { } suffix
                || ReferencedTables.FileOf(context, reference) is not { Exists: true } file
                || File.Exists(file.ActualPath + suffix))
            {
                continue;
            }

            // dict_db.c/dict_lmdb.c/dict_cdb.c open only the database: smtpd logs "open database X.db: No such file or
            // directory" and every lookup fails (451 4.3.5 for access tables, 451 4.3.0 for match lists).
            context.Report(Meta,
                $"{reference.Parameter} names `{reference.Spec}` but its database {reference.Name}{suffix} does not exist: Postfix reads only the database, "
                + $"so every lookup fails (451 4.3.x) until `{reference.BuildCommand}` builds it",
                reference.Origin,
                help: $"run `{reference.BuildCommand} {reference.Spec}`");
        }
    }
}
