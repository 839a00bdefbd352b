using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace PostfixLint.Cli;

/// <summary>Prints the program's informational version (<c>0.1.0+commit</c>), as System.CommandLine's version option does.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var assembly = Assembly.GetEntryAssembly() ?? Assembly.GetExecutingAssembly();
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "";
        parseResult.InvocationConfiguration.Output.WriteLine(version);
        return 0;
    }
}
