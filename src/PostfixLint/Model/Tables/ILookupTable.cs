namespace PostfixLint.Model.Tables;

/// <summary>A Postfix lookup table (<c>type:name</c>) as smtpd would open and query it.</summary>
public interface ILookupTable
{
    /// <summary>The table as written in the configuration, e.g. <c>hash:/etc/postfix/access</c>.</summary>
    string Spec { get; }

    /// <summary>True for fixed-string tables (<c>DICT_FLAG_FIXED</c>: hash, inline, static, ...); false for regexp, pcre and cidr.</summary>
    bool IsFixedKey { get; }

    /// <summary>Whether the table's contents are known to the simulator.</summary>
    TableContents Contents { get; }

    /// <summary>For <see cref="TableContents.Unavailable"/> tables: the text smtpd logs, e.g. <c>hash:/x is unavailable. open database /x.db: No such file or directory</c>.</summary>
    string? UnavailableReason { get; }

    /// <summary>Looks up <paramref name="key"/> as smtpd would: the table applies its own case folding and matching rules.</summary>
    TableLookup Lookup(string key);
}
