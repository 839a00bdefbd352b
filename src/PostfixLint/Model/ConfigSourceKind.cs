namespace PostfixLint.Model;

/// <summary>What a configuration was read from.</summary>
public enum ConfigSourceKind
{
    /// <summary>A configuration directory with main.cf and master.cf.</summary>
    Directory,

    /// <summary>Output of the <c>postconf</c> command, from a file or standard input.</summary>
    PostconfOutput,
}
