namespace PostfixLint.Fixing;

/// <summary>Something to run after a fix plan's files are written: rebuild a map, check, reload, or tell the admin to restart.</summary>
/// <remarks>Side effects are data (STYLE.md §6): the plan lists them in order, and a runner decides how to run them.</remarks>
public abstract record PostApplyAction
{
    private protected PostApplyAction()
    {
    }

    /// <summary>The action as a shell command line (or a comment when it is no command), for a plan and <c>--emit-commands</c>.</summary>
    public abstract string Describe(string configDirectory);

    /// <summary>Quotes <paramref name="argument"/> for a POSIX shell when it needs it.</summary>
    internal static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "/._-:+=,@%".Contains(c, StringComparison.Ordinal))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
