namespace PostfixLint.Cli.Commands;

/// <summary>Which master.cf view <c>show</c> prints, if any.</summary>
internal enum MasterView
{
    /// <summary>main.cf parameters (the default).</summary>
    None,

    /// <summary>master.cf entries, as <c>postconf -M</c>.</summary>
    Entries,

    /// <summary>master.cf <c>-o</c> parameters, as <c>postconf -P</c>.</summary>
    Parameters,
}
