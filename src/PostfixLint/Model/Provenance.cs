using PostfixLint.Syntax;

namespace PostfixLint.Model;

/// <summary>Where a parameter value was defined: a file, line and span, or a default (compiled in or computed from the host).</summary>
/// <param name="Kind">The kind of source.</param>
/// <param name="File">The file that defines the value; null for defaults.</param>
/// <param name="Line">The 1-based first line of the definition; 0 for defaults.</param>
/// <param name="Span">The whole definition in <paramref name="File"/>; null for defaults.</param>
public sealed record Provenance(ProvenanceKind Kind, string? File = null, int Line = 0, TextSpan? Span = null)
{
    /// <summary>A Postfix default: no file, no span.</summary>
    public static Provenance Default { get; } = new(ProvenanceKind.Default);

    /// <summary>A default Postfix computes from the host (<see cref="ConfigLoadOptions.Host"/>): no file, no span.</summary>
    public static Provenance HostComputed { get; } = new(ProvenanceKind.HostComputed);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ProvenanceKind.Default or ProvenanceKind.HostComputed => "default",
        ProvenanceKind.CommandLine => "command line",
        _ => Line > 0 ? $"{File}:{Line}" : File ?? Kind.ToString(),
    };
}
