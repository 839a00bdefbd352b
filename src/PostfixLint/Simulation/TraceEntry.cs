using System.Collections.Immutable;

namespace PostfixLint.Simulation;

/// <summary>One restriction smtpd evaluated, with its outcome and why.</summary>
/// <param name="List">The parameter that holds the restriction, e.g. <c>smtpd_relay_restrictions</c>, or a restriction class or access table.</param>
/// <param name="Restriction">The restriction as written, with its argument.</param>
/// <param name="Result">The outcome: <c>permit</c>, <c>dunno</c>, <c>reject</c>, <c>defer</c>, <c>warn</c>, <c>error</c>, <c>unknown</c>, <c>skipped</c>, <c>not reached</c>.</param>
/// <param name="Origin">Where the list was defined: <c>file:line</c>, or <c>default</c>.</param>
public sealed record TraceEntry(string List, string Restriction, string Result, string Origin)
{
    /// <summary>The SMTP reply this restriction produced, when it produced one.</summary>
    public string? Reply { get; init; }

    /// <summary>Explanations: what was looked up, what matched, what is missing.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>How deep the restriction sits: 0 in a list, 1 inside a restriction class or access-table result, ...</summary>
    public int Depth { get; init; }
}
