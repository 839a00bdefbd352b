using System.Collections.Immutable;

namespace PostfixLint.Model;

/// <summary>The effective value of one parameter, with where it came from and what it replaced.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Value">The effective value, unexpanded (the last definition wins).</param>
/// <param name="Provenance">Where the effective value comes from.</param>
/// <param name="Class">How Postfix knows the name.</param>
/// <param name="Overridden">Earlier definitions of the same name that the effective one replaced, in file order.</param>
public sealed record Parameter(
    string Name,
    string Value,
    Provenance Provenance,
    ParameterClass Class,
    ImmutableArray<ParameterDefinition> Overridden)
{
    /// <summary>True when the value comes from Postfix's defaults (compiled in or computed from the host) rather than from the configuration.</summary>
    public bool IsDefault => Provenance.Kind is ProvenanceKind.Default or ProvenanceKind.HostComputed;
}
