using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace PostfixLint.Cli;

/// <summary>
/// <c>--help</c> and <c>--version</c>, built without System.CommandLine's <see cref="HelpOption"/> and
/// <see cref="VersionOption"/>: their constructors read their descriptions through a ResourceManager, whose set-up
/// (reflection over assembly attributes) cost every run about 0.8 million instructions, a sixth of printing the
/// version. The aliases, descriptions, actions and the <c>--version</c> refusal are theirs, worded the same.
/// </summary>
internal static class RootOptions
{
    /// <summary><c>--help</c>, <c>-h</c>, <c>-?</c> (and <c>/h</c>, <c>/?</c>) on every command.</summary>
    public static Option<bool> Help() => new("--help", "-h", "/h", "-?", "/?")
    {
        Description = "Show help and usage information",
        Arity = ArgumentArity.Zero,
        Recursive = true,
        Action = new HelpAction(),
    };

    /// <summary><c>--version</c>: prints the informational version; refused beside any other argument.</summary>
    public static Option<bool> Version()
    {
        var option = new Option<bool>("--version")
        {
            Description = "Show version information",
            Arity = ArgumentArity.Zero,
            Action = new VersionAction(),
        };
        option.Validators.Add(result =>
        {
            // An Option<bool> also gets an implicit result (its default) when it is absent: only a given --version counts.
            if (!result.Implicit && result.Parent is CommandResult parent && parent.Children.Any(r => r is not OptionResult { Option.Name: "--version" } && r is not OptionResult { Implicit: true }))
            {
                result.AddError($"{result.IdentifierToken?.Value ?? result.Option.Name} option cannot be combined with other arguments.");
            }
        });
        return option;
    }
}
