using System.Collections.Immutable;

namespace PostfixLint.Model;

/// <summary>What to print, in the terms of <c>postconf</c>'s options.</summary>
public sealed record PostconfQuery
{
    /// <summary><c>-n</c>: only parameters set explicitly in main.cf.</summary>
    public bool NonDefaultOnly { get; init; }

    /// <summary><c>-x</c>: expand <c>$name</c> references.</summary>
    public bool Expand { get; init; }

    /// <summary><c>-d</c>: print compiled-in defaults instead of the configured values.</summary>
    public bool DefaultsOnly { get; init; }

    /// <summary>Parameter names to print; empty means all.</summary>
    public ImmutableArray<string> Names { get; init; } = [];
}
