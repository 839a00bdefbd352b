namespace PostfixLint.Syntax;

/// <summary>Interprets one logical line of a format that uses <c>readllines()</c>.</summary>
internal interface ILogicalLineHandler
{
    /// <summary>Adds the sorted, non-overlapping runs that become tokens; uncovered text becomes whitespace or unparsed tokens.</summary>
    void Handle(LogicalLine line, List<SemanticRun> runs, LogicalLineParser parser);
}
