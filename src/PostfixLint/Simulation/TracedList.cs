using System.Collections.Immutable;
using PostfixLint.Model.Values;

namespace PostfixLint.Simulation;

/// <summary>A restriction list as the evaluator walks it: the parsed restrictions, each with where it is written.</summary>
/// <param name="Label">The name the trace shows: the parameter, the restriction class, or <c>TABLE result</c>.</param>
/// <param name="Restrictions">The restrictions, parsed by <see cref="RestrictionList"/>.</param>
/// <param name="Sources">Where each restriction is written, parallel to <paramref name="Restrictions"/>.</param>
/// <param name="Origin">Where the list as a whole is defined.</param>
internal sealed record TracedList(string Label, ImmutableArray<Restriction> Restrictions, ImmutableArray<TraceSource> Sources, TraceSource Origin);
