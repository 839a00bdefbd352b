namespace PostfixLint.Execution;

/// <summary>The Postfix programs a fix plan runs, each for the configuration directory given (<c>-c DIR</c>).</summary>
/// <remarks>A non-zero exit is a result, not an exception: it carries standard error.</remarks>
public interface IPostfixCommands
{
    /// <summary><c>postmap -c DIR type:path</c> (or <c>postalias</c> when <paramref name="command"/> says so): builds a table's database.</summary>
    Task<CommandResult> RebuildMapAsync(string command, string type, string path, string configDirectory, CancellationToken cancellationToken = default);

    /// <summary><c>postfix -c DIR check</c>.</summary>
    Task<CommandResult> CheckAsync(string configDirectory, CancellationToken cancellationToken = default);

    /// <summary><c>postfix -c DIR reload</c>.</summary>
    Task<CommandResult> ReloadAsync(string configDirectory, CancellationToken cancellationToken = default);

    /// <summary><c>postconf -c DIR -n</c>: the parameters main.cf sets, as Postfix reads them.</summary>
    Task<CommandResult> PostconfNonDefaultAsync(string configDirectory, CancellationToken cancellationToken = default);
}
