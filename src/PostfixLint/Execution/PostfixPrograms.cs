namespace PostfixLint.Execution;

/// <summary>Where the Postfix programs are, and how long one may run.</summary>
public sealed record PostfixPrograms
{
    /// <summary>Debian's and most distributions' locations, with a 60-second timeout.</summary>
    public static PostfixPrograms Default { get; } = new();

    /// <summary>The <c>postfix</c> control program.</summary>
    public string Postfix { get; init; } = "/usr/sbin/postfix";

    /// <summary>The <c>postconf</c> program.</summary>
    public string Postconf { get; init; } = "/usr/sbin/postconf";

    /// <summary>The <c>postmap</c> program.</summary>
    public string Postmap { get; init; } = "/usr/sbin/postmap";

    /// <summary>The <c>postalias</c> program.</summary>
    public string Postalias { get; init; } = "/usr/sbin/postalias";

    /// <summary>How long one program may run before it is killed and its run reported as timed out.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Every program is <paramref name="path"/> (a test's fake), with the default timeout.</summary>
    public static PostfixPrograms All(string path) => new() { Postfix = path, Postconf = path, Postmap = path, Postalias = path };
}
