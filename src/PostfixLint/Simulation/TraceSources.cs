using System.Collections.Immutable;
using PostfixLint.Model;
using PostfixLint.Model.Values;
using PostfixLint.Syntax;

namespace PostfixLint.Simulation;

/// <summary>Locates what the trace shows in its source: parameters of a listener, restrictions in their values, table entries.</summary>
/// <remarks>
/// The one place that maps a span of an expanded value to its source document, through the model's
/// <see cref="TypedValue{T}.Locate"/>: a restriction inside a <c>$name</c> expansion points at the parameter that
/// wrote it, and one in a master.cf <c>-o</c> value points into master.cf.
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
        var typed = Typed(settings, name);
        var sources = ImmutableArray.CreateBuilder<TraceSource>(restrictions.Length);
        foreach (var restriction in restrictions)
        {
            sources.Add(Locate(settings.Config, origin, typed?.Locate(restriction.FullSpan)));
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

    /// <summary>
    /// The model's reading of <paramref name="name"/> for this listener, which knows where each span of the expanded
    /// value is written; null when it reads a different text than the simulator evaluates (then nothing is located).
    /// </summary>
    private static TypedValue<ImmutableArray<ListElement>>? Typed(ListenerSettings settings, string name)
    {
        var typed = settings.Config.GetList(name, settings.Service);
        return typed is not null && string.Equals(typed.ExpandedValue, settings.Get(name), StringComparison.Ordinal) ? typed : null;
    }

    /// <summary>
    /// The definition <paramref name="origin"/> narrowed to where the restriction's text is written: its document and
    /// span (another parameter's value when it came through <c>$name</c>, then marked expanded).
    /// </summary>
    private static TraceSource Locate(PostfixConfig config, TraceSource origin, ValueOrigin? text)
    {
        if (text is null || origin.Kind is not (TraceSourceKind.File or TraceSourceKind.ServiceOverride))
        {
            return origin;
        }

        if (text.Location is not { } location)
        {
            return text.IsExpanded ? origin with { Expanded = true } : origin;
        }

        var line = LineOf(config, location) ?? origin.Line;
        return origin with { Path = location.Path, Line = line, Span = location.Span, Expanded = text.IsExpanded };
    }

    /// <summary>The 1-based line of <paramref name="location"/> in main.cf or master.cf; null when it is in neither.</summary>
    private static int? LineOf(PostfixConfig config, SourceLocation location)
    {
        foreach (var document in new[] { config.MainCf?.Document, config.MasterCf?.Document })
        {
            if (document is not null && string.Equals(document.Path, location.Path, StringComparison.Ordinal))
            {
                return document.Lines.GetPosition(location.Span.Start).Line;
            }
        }

        return null;
    }
}
