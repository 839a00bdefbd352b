namespace PostfixLint.Model;

/// <summary>Where a parameter value comes from.</summary>
public enum ProvenanceKind
{
    /// <summary>Postfix's compiled-in default.</summary>
    Default,

    /// <summary>A <c>name = value</c> line in main.cf.</summary>
    MainCf,

    /// <summary>A <c>-o name=value</c> override of a master.cf service.</summary>
    MasterCf,

    /// <summary>A line of <c>postconf</c> output read from a file or standard input.</summary>
    PostconfOutput,

    /// <summary>Set by the program itself, such as <c>config_directory</c> for <c>-c DIR</c>.</summary>
    CommandLine,

    /// <summary>A default Postfix computes from the host it runs on (<c>myhostname</c>, <c>mynetworks</c>, ...; see <see cref="ConfigLoadOptions.Host"/>).</summary>
    HostComputed,
}
