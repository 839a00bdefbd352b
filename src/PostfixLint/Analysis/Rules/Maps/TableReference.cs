using PostfixLint.Model;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Analysis.Rules.Maps;

/// <summary>One lookup table named in the configuration, after <c>proxy:</c> and <c>unionmap:</c>/<c>pipemap:</c> are unwrapped.</summary>
/// <param name="Parameter">The parameter whose value names the table (the one the text is written in, through <c>$name</c>).</param>
/// <param name="Service">The master.cf service whose <c>-o</c> option was read; null for main.cf.</param>
/// <param name="Spec">The table as written: <c>hash:/etc/postfix/access</c>.</param>
/// <param name="Type">The table type: <c>hash</c>, <c>cidr</c>, ...</param>
/// <param name="Name">The name after the type: a path, or a <c>{...}</c> body.</param>
/// <param name="Use">What Postfix does with the values.</param>
/// <param name="Origin">Where the reference is written (for a nested table, the outer reference).</param>
internal sealed record TableReference(
    string Parameter, MasterService? Service, string Spec, string Type, string Name, TableUse Use, ValueOrigin? Origin)
{
    /// <summary>True when Postfix reads a file named by <see cref="Name"/>: the source (or database) of a file-based type.</summary>
    public bool HasFile => !Name.StartsWith('{') && Format is not null;

    /// <summary>The suffix of the database <c>postmap</c> builds (<c>.db</c>, <c>.lmdb</c>, <c>.cdb</c>, ...); null for types Postfix reads from the source.</summary>
    public string? DatabaseSuffix => Type switch
    {
        "hash" or "btree" => ".db",
        "lmdb" => ".lmdb",
        "cdb" => ".cdb",

        // dict_dbm.c: the data half of the .dir/.pag pair.
        "dbm" or "sdbm" => ".pag",
        _ => null,
    };

    /// <summary>The syntax of the source file; null for types without one (inline, static, databases, ...).</summary>
    public TableSourceFormat? Format => Type switch
    {
        "hash" or "btree" or "lmdb" or "cdb" or "dbm" or "sdbm" => Use == TableUse.Alias ? TableSourceFormat.Aliases : TableSourceFormat.Postmap,

        // dict_thash.c reads postmap syntax even for alias tables.
        "texthash" => TableSourceFormat.Postmap,
        "cidr" => TableSourceFormat.Cidr,
        "regexp" => TableSourceFormat.Regexp,
        "pcre" => TableSourceFormat.Pcre,
        _ => null,
    };

    /// <summary>The command that builds the database: <c>postalias</c> for alias tables, <c>postmap</c> otherwise.</summary>
    public string BuildCommand => Use == TableUse.Alias ? "postalias" : "postmap";
}
