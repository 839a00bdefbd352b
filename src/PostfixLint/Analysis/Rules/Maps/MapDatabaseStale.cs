using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Maps;

/// <summary>PFL404: an indexed table whose database is older than its source (edited, not rebuilt).</summary>
internal sealed class MapDatabaseStale : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL404", "map-database-stale", "An indexed lookup table's database is older than its source",
        DiagnosticSeverity.Warning, RuleCategory.Maps);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        foreach (var reference in ReferencedTables.Of(context))
        {
            if (!reference.HasFile || reference.DatabaseSuffix is not { } suffix
                || ReferencedTables.FileOf(context, reference) is not { Exists: true, LastWriteUtc: { } sourceTime } file
                || !File.Exists(file.ActualPath + suffix))
            {
                continue;
            }

            // dict_db.c and friends: "database X.db is older than source file X" when the source's mtime is newer.
            var databaseTime = File.GetLastWriteTimeUtc(file.ActualPath + suffix);
            if (databaseTime >= sourceTime)
            {
                continue;
            }

            context.Report(Meta,
                $"{reference.Parameter} names `{reference.Spec}`, whose database {reference.Name}{suffix} is older than {reference.Name}: "
                + "Postfix still answers from the old database, so the latest edits are not in effect",
                reference.Origin,
                help: $"run `{reference.BuildCommand} {reference.Spec}` (daemons pick up the new database by themselves)");
        }
    }
}
