using System.Collections.Immutable;

namespace PostfixLint.Simulation;

/// <summary>One restriction smtpd evaluated, with its outcome and why.</summary>
/// <param name="List">The parameter that holds the restriction, e.g. <c>smtpd_relay_restrictions</c>, or a restriction class or access table.</param>
/// <param name="Restriction">The restriction as written, with its argument.</param>
/// <param name="Result">What the restriction did.</param>
/// <param name="Source">Where the restriction is written (document and span), or why it is written nowhere.</param>
public sealed record TraceEntry(string List, string Restriction, TraceResult Result, TraceSource Source)
{
    /// <summary>The SMTP reply this restriction produced, when it produced one.</summary>
    public string? Reply { get; init; }

    /// <summary>The lookup-table entry whose value decided this restriction (document and span of its line), when a table answered.</summary>
    public TraceSource? TableEntry { get; init; }

    /// <summary>Explanations: what was looked up, what matched, what is missing.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>How deep the restriction sits: 0 in a list, 1 inside a restriction class or access-table result, ...</summary>
    public int Depth { get; init; }
}
