using PostfixLint.Syntax;

namespace PostfixLint.Simulation;

/// <summary>Where a traced restriction (or the table entry that matched) is written: a document and a span, or a reason why not.</summary>
/// <param name="Kind">The kind of source; <see cref="TraceSourceKind.Default"/> and <see cref="TraceSourceKind.BuiltIn"/> have no document.</param>
public sealed record TraceSource(TraceSourceKind Kind)
{
    /// <summary>The document: main.cf, master.cf or a table's source file, as the configuration names it; null when there is none.</summary>
    public string? Path { get; init; }

    /// <summary>The 1-based line of the definition (the parameter, the <c>-o</c> option or the table entry); 0 when unknown.</summary>
    public int Line { get; init; }

    /// <summary>
    /// The span in <see cref="Path"/> of the restriction (with its argument) or of the matching table line; null when
    /// it cannot be located (a default, a built-in class, a value changed by <c>$name</c> expansion: see <see cref="Expanded"/>).
    /// </summary>
    public TextSpan? Span { get; init; }

    /// <summary>True when the value went through <c>$name</c> expansion, which is why <see cref="Span"/> is null.</summary>
    public bool Expanded { get; init; }

    /// <summary>The overridden parameter for <see cref="TraceSourceKind.ServiceOverride"/>; the table for <see cref="TraceSourceKind.TableEntry"/>.</summary>
    public string? Name { get; init; }

    /// <summary>Where, in short: <c>main.cf:11</c>, <c>master.cf:17 (-o smtpd_relay_restrictions)</c>, <c>default</c>, ...</summary>
    public override string ToString() => Kind switch
    {
        TraceSourceKind.Default => "default",
        TraceSourceKind.BuiltIn => "built-in restriction class",
        TraceSourceKind.CommandLine => "command line",
        TraceSourceKind.ServiceOverride => $"{Path}:{Line} (-o {Name})",
        TraceSourceKind.TableEntry when Path is null => Name ?? "",
        _ => Line > 0 ? $"{Path}:{Line}" : Path ?? "",
    };
}
