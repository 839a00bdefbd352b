using PostfixLint.Model.Tables;

namespace PostfixLint.Simulation;

/// <summary><c>unix:passwd.byname</c>: the local users of the passwd file (<c>getpwnam()</c>); <c>root</c> always exists.</summary>
internal sealed class PasswdTable : ILookupTable
{
    private readonly HashSet<string>? _users;
    private readonly string? _path;

    public PasswdTable(string spec, HashSet<string>? users, string? path)
    {
        Spec = spec;
        _users = users;
        _path = path;
    }

    public string Spec { get; }

    public bool IsFixedKey => true;

    public TableContents Contents => _users is null ? TableContents.Unknown : TableContents.Known;

    public string? UnavailableReason => null;

    public TableLookup Lookup(string key)
    {
        // dict_unix.c: getpwnam() is case-sensitive, but the map is opened with DICT_FLAG_FOLD_FIX, so keys arrive lower-cased.
        var name = key.ToLowerInvariant();
        if (name == "root")
        {
            return new TableLookup(TableLookupStatus.Found, "root", _path, 0);
        }

        if (_users is null)
        {
            return new TableLookup(TableLookupStatus.Unknown, null, null, 0);
        }

        return _users.Contains(name)
            ? new TableLookup(TableLookupStatus.Found, name, _path, 0)
            : new TableLookup(TableLookupStatus.NotFound, null, null, 0);
    }
}
