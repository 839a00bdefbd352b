using System.Collections.Immutable;
using PostfixLint.Model;
using PostfixLint.Model.Values;
using PostfixLint.Syntax;

namespace PostfixLint.Simulation;

/// <summary>Locates what the trace shows in its source: parameters of a listener, restrictions in their values, table entries.</summary>
/// <remarks>
/// The one place that maps a span of an expanded value to its source document. Today a span maps only when
/// expansion left the main.cf value unchanged (<see cref="PostfixConfig.ToSourceSpan"/>); a value with <c>$name</c>
/// references or a master.cf <c>-o</c> override is located by its definition only.
/// </remarks>
internal static class TraceSources
{
    private static readonly TraceSource s_default = new(TraceSourceKind.Default);
    private static readonly TraceSource s_commandLine = new(TraceSourceKind.CommandLine);

    /// <summary>The built-in <c>reject_sender_login_mismatch</c> class (<c>smtpd_check_init()</c>).</summary>
    public static TraceSource BuiltIn { get; } = new(TraceSourceKind.BuiltIn);

    /// <summary>Where parameter <paramref name="name"/> of this listener is defined (no span).</summary>
    public static TraceSource Of(ListenerSettings settings, string name)
    {
        if (settings.Override(name) is { } definition)
        {
            return new TraceSource(TraceSourceKind.ServiceOverride) { Path = definition.Provenance.File, Line = definition.Provenance.Line, Name = name };
        }

        var provenance = settings.Config.GetParameter(name)?.Provenance ?? Provenance.Default;
        return provenance.Kind switch
        {
            ProvenanceKind.Default => s_default,
            ProvenanceKind.CommandLine => s_commandLine,
            _ => new TraceSource(TraceSourceKind.File) { Path = provenance.File, Line = provenance.Line },
        };
    }

    /// <summary>The restriction list held by parameter (or restriction class) <paramref name="name"/>, each restriction located.</summary>
    public static TracedList List(ListenerSettings settings, string name, ImmutableArray<Restriction> restrictions)
    {
        var origin = Of(settings, name);
        var sources = ImmutableArray.CreateBuilder<TraceSource>(restrictions.Length);
        foreach (var restriction in restrictions)
        {
            sources.Add(Locate(settings, name, origin, restriction.FullSpan));
        }

        return new TracedList(name, restrictions, sources.MoveToImmutable(), origin);
    }

    /// <summary>A list whose restrictions all share one source (the built-in class, a table entry's value).</summary>
    public static TracedList Unlocated(string label, ImmutableArray<Restriction> restrictions, TraceSource origin) =>
        new(label, restrictions, [.. Enumerable.Repeat(origin, restrictions.Length)], origin);

    /// <summary>The table entry a lookup found: the table source file, the entry's line and that line's span.</summary>
    public static TraceSource TableEntry(TableSet tables, LookupHit hit, string table)
    {
        var path = hit.Entry?.Source;
        var line = hit.Entry?.Line ?? 0;
        return new TraceSource(TraceSourceKind.TableEntry)
        {
            Path = path,
            Line = line,
            Name = hit.Table?.Spec ?? table,
            Span = tables.LineSpan(path, line),
        };
    }

    /// <summary>Maps a span of the expanded value of <paramref name="name"/> to the source, when it can be mapped.</summary>
    private static TraceSource Locate(ListenerSettings settings, string name, TraceSource origin, TextSpan valueSpan)
    {
        if (origin.Kind != TraceSourceKind.File || settings.Config.GetParameter(name) is not { } parameter)
        {
            return origin;
        }

        if (!string.Equals(settings.Get(name), parameter.Value, StringComparison.Ordinal))
        {
            return origin with { Expanded = true };
        }

        return settings.Config.ToSourceSpan(parameter, valueSpan) is { } span ? origin with { Span = span } : origin;
    }
}
