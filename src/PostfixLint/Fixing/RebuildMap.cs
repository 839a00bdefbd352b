namespace PostfixLint.Fixing;

/// <summary>Rebuild an indexed table's database from its source: its source changed, or the database is missing or stale.</summary>
/// <param name="Command"><c>postmap</c>, or <c>postalias</c> for alias tables.</param>
/// <param name="Type">The table type (<c>hash</c>, <c>lmdb</c>, ...).</param>
/// <param name="Path">The source file on this machine (through the configuration directory and <c>--root</c> mapping).</param>
/// <param name="Reason">Why: <c>source changed</c>, <c>database missing</c> or <c>database stale</c>.</param>
public sealed record RebuildMap(string Command, string Type, string Path, string Reason) : PostApplyAction
{
    /// <inheritdoc />
    public override string Describe(string configDirectory) =>
        $"{Command} -c {Quote(configDirectory)} {Quote(Type + ":" + Path)}";
}
