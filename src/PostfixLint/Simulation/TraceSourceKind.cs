namespace PostfixLint.Simulation;

/// <summary>Where a traced restriction is written down, or why it is written nowhere.</summary>
public enum TraceSourceKind
{
    /// <summary>A parameter written in main.cf (or in <c>postconf</c> output read as a file).</summary>
    File,

    /// <summary>A master.cf <c>-o name=value</c> override of the listener.</summary>
    ServiceOverride,

    /// <summary>An entry of a lookup table: an access-table result evaluated as restrictions.</summary>
    TableEntry,

    /// <summary>Postfix's default value: written nowhere.</summary>
    Default,

    /// <summary>Built into smtpd, such as the <c>reject_sender_login_mismatch</c> restriction class.</summary>
    BuiltIn,

    /// <summary>Set by the program itself (<c>config_directory</c> for <c>-c DIR</c>).</summary>
    CommandLine,
}
