using PostfixLint.Simulation;

namespace PostfixLint.Cli.Reporting;

/// <summary>How trace results and sources read in text and JSON output.</summary>
internal static class TraceText
{
    /// <summary>The result as a word: <c>permit</c>, <c>dunno</c>, ..., <c>not reached</c>.</summary>
    public static string Name(TraceResult result) => result switch
    {
        TraceResult.Permit => "permit",
        TraceResult.Dunno => "dunno",
        TraceResult.Reject => "reject",
        TraceResult.Defer => "defer",
        TraceResult.Warn => "warn",
        TraceResult.Error => "error",
        TraceResult.Unknown => "unknown",
        TraceResult.Skipped => "skipped",
        TraceResult.NotReached => "not reached",
        _ => result.ToString().ToLowerInvariant(),
    };

    /// <summary>Where a restriction is written, as <c>file:line</c>, <c>file:line (-o name)</c>, <c>default</c>, ...</summary>
    public static string Origin(TraceSource source) => source.ToString();
}
